// Writes an exported page as a one-page PDF: the SVG converted to vector drawing and text (jsPDF +
// svg2pdf.js, loaded only when a PDF is made), or one image for the raster option.

/** PDF's built-in font family closest to the canvas font (Liberation Sans/Arial are metric twins). */
export const PDF_FONT = 'helvetica';

export interface PdfPage {
  width: number; // points
  height: number;
}

async function newDocument(page: PdfPage) {
  const { jsPDF } = await import('jspdf');
  return new jsPDF({
    unit: 'pt',
    format: [page.width, page.height],
    orientation: page.width > page.height ? 'landscape' : 'portrait',
    compress: true,
    putOnlyUsedFonts: true,
  });
}

/** A PDF of `svg` (whose viewBox is the page in points, fonts named PDF_FONT) as vector content. */
export async function vectorPdf(svg: string, page: PdfPage, title: string): Promise<Uint8Array> {
  return vectorPdfPages([svg], page, title);
}

/**
 * A PDF with one page per SVG, all of the size `page` (each viewBox the page in points, fonts named
 * PDF_FONT), as vector drawing and real text.
 */
export async function vectorPdfPages(
  svgs: readonly string[],
  page: PdfPage,
  title: string,
): Promise<Uint8Array> {
  const [doc, { svg2pdf }] = await Promise.all([newDocument(page), import('svg2pdf.js')]);
  doc.setProperties({ title, creator: 'Actor Graph' });
  for (const [i, svg] of svgs.entries()) {
    if (i > 0) doc.addPage([page.width, page.height], page.width > page.height ? 'landscape' : 'portrait');
    const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = parsed.documentElement;
    if (parsed.getElementsByTagName('parsererror').length > 0)
      throw new Error('The exported SVG did not parse.');
    // svg2pdf reads computed styles, which needs the element in a document; keep it out of sight.
    const host = document.createElement('div');
    host.style.cssText = 'position:fixed;left:-100000px;top:0;width:0;height:0;overflow:hidden';
    host.setAttribute('aria-hidden', 'true');
    host.appendChild(document.importNode(root, true));
    document.body.appendChild(host);
    try {
      await svg2pdf(host.firstElementChild as Element, doc, {
        x: 0,
        y: 0,
        width: page.width,
        height: page.height,
      });
    } finally {
      host.remove();
    }
  }
  return new Uint8Array(doc.output('arraybuffer'));
}

/** A PDF with one full-page image (PNG bytes). */
export async function rasterPdf(png: Uint8Array, page: PdfPage, title: string): Promise<Uint8Array> {
  const doc = await newDocument(page);
  doc.setProperties({ title, creator: 'Actor Graph' });
  doc.addImage(png, 'PNG', 0, 0, page.width, page.height, undefined, 'FAST');
  return new Uint8Array(doc.output('arraybuffer'));
}
