import { Resvg } from '@resvg/resvg-js';

/** Where fonts with CJK glyphs usually are; resvg also loads the system's fonts. */
const CJK_FONT_FAMILY = 'WenQuanYi Zen Hei';

/**
 * Rasterises an SVG diagram to PNG (for DOCX, which Word cannot be trusted to show SVG in) with
 * resvg — no browser. System fonts are loaded, so CJK text renders where a CJK font is installed
 * (e.g. Debian's fonts-wqy-zenhei).
 *
 * @example
 * const png = svgToPng(stateDiagramSvg(plan, { locale: 'zh-CN' }).svg, 2);
 */
export function svgToPng(svg: string, scale = 2): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: CJK_FONT_FAMILY, sansSerifFamily: CJK_FONT_FAMILY },
  });
  return resvg.render().asPng();
}
