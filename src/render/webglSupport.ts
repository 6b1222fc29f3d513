// Whether this machine draws WebGL on a GPU. Cytoscape's WebGL renderer only pays on hardware: in
// software (SwiftShader, llvmpipe) it is slower than canvas, so a software renderer counts as none.
let found: { hardware: boolean; renderer: string } | undefined;

/** The WebGL renderer's name (WEBGL_debug_renderer_info) and whether it is a hardware one; cached. */
export function hardwareWebGL(): { hardware: boolean; renderer: string } {
  if (found) return found;
  found = { hardware: false, renderer: 'none' };
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (!gl) return found;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(
      info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER),
    );
    found = {
      hardware: !/swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i.test(renderer),
      renderer,
    };
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    // no WebGL: canvas it is
  }
  return found;
}
