/**
 * The page's first script: a small classic script in `<head>`, run while the editor's bundle is
 * still downloading. It asks the server for the session (the plan, its check and diagram) at once,
 * so the server's answer is on its way while the browser compiles and runs the bundle, which
 * picks the request up (`studioSession`) instead of sending its own.
 */
declare global {
  interface Window {
    /** The session request the boot script sent; taken (and cleared) by the page's bundle. */
    studioSession?: Promise<Response>;
  }
}

const token = new URLSearchParams(location.search).get('token') ?? '';
window.studioSession = fetch('/api/session', { headers: { 'x-studio-token': token } });

export {};
