/**
 * A pdfkit document as every PDF of org starts: no first page, the title in its metadata and shown
 * by readers, the text's language, every face of the font set registered (collections included),
 * and the bytes collected for the caller once the document ends.
 */
import { registerFaces, type FontSet } from './fonts.js';

export interface PdfDocumentOptions {
  /** The first page's size in points; each page may set its own. */
  size: [number, number];
  title: string;
  lang?: string;
  fonts: FontSet;
}

export async function openPdf(
  options: PdfDocumentOptions,
): Promise<{ doc: PDFKit.PDFDocument; finish: () => Promise<Uint8Array> }> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: options.size,
    margin: 0,
    autoFirstPage: false,
    info: { Title: options.title, Creator: 'orgcode' },
    ...(options.lang ? { lang: options.lang } : {}),
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  registerFaces(doc, options.fonts);
  return {
    doc,
    finish: async () => {
      doc.end();
      await done;
      return new Uint8Array(Buffer.concat(chunks));
    },
  };
}
