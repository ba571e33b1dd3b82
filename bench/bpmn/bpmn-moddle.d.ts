/** bpmn-moddle ships no type declarations; bench/bpmn only parses XML with it (moddle-context-serializer's types name these two). */
declare module 'bpmn-moddle' {
  export interface BaseElement {
    $type: string;
    id?: string;
    [key: string]: unknown;
  }
  export interface Definitions {
    rootElement: BaseElement;
    [key: string]: unknown;
  }
  export default class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string): Promise<Definitions>;
  }
}
