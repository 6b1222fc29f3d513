// The over-time chart as a file: its own SVG markup serialised (the browser's XMLSerializer escapes
// every text and attribute), and a PNG drawn from that SVG onto a canvas. Browser only.

/** The chart's markup as a standalone SVG document (XML declaration, SVG namespace). */
export function serialiseSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // Keyboard and screen-reader wiring is for the page; the file keeps the picture and its text.
  for (const el of [copy, ...copy.querySelectorAll('*')]) {
    for (const name of ['tabindex', 'role', 'aria-pressed', 'class']) el.removeAttribute(name);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/**
 * A PNG of the SVG document `svg` (`width` × `height` px), drawn at `scale` × on a canvas. Throws
 * with a message a person can read when the browser cannot draw or encode it.
 */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image(width, height);
    img.src = url;
    try {
      await img.decode();
    } catch {
      throw new Error('The browser could not draw the chart.');
    }
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('The browser could not create a drawing surface.');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob || blob.size === 0) throw new Error('The browser could not encode the chart as PNG.');
    return blob;
  } finally {
    URL.revokeObjectURL(url);
  }
}
