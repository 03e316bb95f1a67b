import { describe, it, expect } from 'vitest';
import { ZipFile } from 'yazl';
import { inspectContent, verifyPlainText } from './inspect-content.js';
import { HEAD_BYTES } from '../../store/files/file-repository.js';
import { docxLike, htmlFile, jpegWithGps, minimalPdf, pngWithMetadata, truncatedJpeg, zipBombDocx, zipWithTraversal } from '../../../test/helpers/evidence-files.js';

const ftyp = (brand: string) => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from(`ftyp${brand}`, 'latin1'), Buffer.from([0, 0, 2, 0]), Buffer.from('isommp41', 'latin1'), Buffer.alloc(64)]);
const wav = () => {
  const b = Buffer.alloc(64);
  b.write('RIFF', 0, 'latin1'); b.writeUInt32LE(56, 4); b.write('WAVEfmt ', 8, 'latin1');
  return b;
};

async function plainZip(): Promise<Buffer> {
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from('hola'), 'notas/a.txt', { mtime: new Date('2026-01-01T00:00:00Z') });
  zip.end();
  const parts: Buffer[] = [];
  for await (const p of zip.outputStream as AsyncIterable<Buffer>) parts.push(p);
  return Buffer.concat(parts);
}

const refusal = async (head: Uint8Array, name: string) => {
  try {
    await inspectContent(head, name);
  } catch (e) {
    return e as { status: number; code: string; message: string; problems: { path: string; code: string }[] };
  }
  throw new Error('was accepted');
};

describe('typing by content', () => {
  it('types images, PDF, office documents, audio and video by their bytes', async () => {
    expect(await inspectContent(jpegWithGps(), 'foto.jpg')).toEqual({ mediaType: 'image/jpeg', kind: 'image', ext: 'jpg' });
    expect(await inspectContent(jpegWithGps(), 'FOTO.JPEG')).toEqual({ mediaType: 'image/jpeg', kind: 'image', ext: 'jpg' });
    expect(await inspectContent(pngWithMetadata(), 'captura.png')).toEqual({ mediaType: 'image/png', kind: 'image', ext: 'png' });
    expect(await inspectContent(minimalPdf(), 'denuncia.pdf')).toEqual({ mediaType: 'application/pdf', kind: 'pdf', ext: 'pdf' });
    expect(await inspectContent(await docxLike(), 'acta.docx')).toMatchObject({ mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', kind: 'document', ext: 'docx' });
    expect(await inspectContent(ftyp('isom'), 'video.mp4')).toEqual({ mediaType: 'video/mp4', kind: 'video', ext: 'mp4' });
    expect(await inspectContent(ftyp('isom'), 'nota.m4a')).toEqual({ mediaType: 'audio/mp4', kind: 'audio', ext: 'm4a' });
    expect(await inspectContent(ftyp('M4A '), 'nota.m4a')).toEqual({ mediaType: 'audio/mp4', kind: 'audio', ext: 'm4a' });
    expect(await inspectContent(ftyp('qt  '), 'clip.mov')).toEqual({ mediaType: 'video/quicktime', kind: 'video', ext: 'mov' });
    expect(await inspectContent(wav(), 'grabacion.wav')).toEqual({ mediaType: 'audio/wav', kind: 'audio', ext: 'wav' });
  });

  it('accepts a file with no extension, typed by its content alone', async () => {
    expect(await inspectContent(jpegWithGps(), 'IMG_2026')).toMatchObject({ mediaType: 'image/jpeg' });
    expect(await inspectContent(minimalPdf(), 'Captura 14.35.10')).toMatchObject({ mediaType: 'application/pdf' });
  });

  it('accepts a cut image at this stage (decoding it in full comes later)', async () => {
    expect(await inspectContent(truncatedJpeg(), 'foto.jpg')).toMatchObject({ mediaType: 'image/jpeg' });
  });

  it('accepts plain UTF-8 text only as .txt', async () => {
    const text = Buffer.from('Mensaje recibido por WhatsApp: «sabemos dónde vives»\n', 'utf8');
    expect(await inspectContent(text, 'mensaje.txt')).toEqual({ mediaType: 'text/plain', kind: 'document', ext: 'txt' });
    expect(await refusal(text, 'mensaje.csv')).toMatchObject({ status: 415, code: 'unsupported_type', message: expect.stringMatching(/^file: text is accepted only in a \.txt file/) });
    expect(await refusal(text, 'mensaje')).toMatchObject({ status: 415 });
    // the first HEAD_BYTES of a longer file may end inside a character
    const long = Buffer.concat([Buffer.alloc(HEAD_BYTES - 1, 0x61), Buffer.from('ñ', 'utf8')]).subarray(0, HEAD_BYTES);
    expect(await inspectContent(long, 'largo.txt')).toMatchObject({ mediaType: 'text/plain' });
    expect(await refusal(Buffer.from('a\u0000b'), 'x.txt')).toMatchObject({ status: 415 });
  });
});

describe('refusals', () => {
  it('refuses content that contradicts the extension, naming both', async () => {
    const e = await refusal(minimalPdf(), 'foto.jpg');
    expect(e).toMatchObject({ status: 415, code: 'unsupported_type', message: 'file: the content is a PDF but the name ends in .jpg' });
    expect(e.problems).toEqual([{ path: 'file', code: 'unsupported_type', message: 'the content is a PDF but the name ends in .jpg' }]);
    expect((await refusal(jpegWithGps(), 'foto.png')).message).toBe('file: the content is a JPEG image but the name ends in .png');
    expect((await refusal(pngWithMetadata(), 'informe.pdf')).message).toBe('file: the content is a PNG image but the name ends in .pdf');
    expect((await refusal(jpegWithGps(), 'foto.exe')).message).toBe('file: the content is a JPEG image but the name ends in .exe');
  });

  it('refuses web pages and SVG, whatever their name', async () => {
    for (const name of ['pagina.html', 'pagina.txt', 'pagina']) expect(await refusal(htmlFile(), name)).toMatchObject({ status: 415, message: expect.stringMatching(/markup that a browser would run/) });
    const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await refusal(svg, 'imagen.svg')).toMatchObject({ status: 415, message: expect.stringMatching(/markup/) });
    expect(await refusal(svg, 'imagen.txt')).toMatchObject({ status: 415 });
  });

  it('refuses generic archives and programs', async () => {
    expect(await refusal(await plainZip(), 'fotos.zip')).toMatchObject({ status: 415, message: 'file: archives (zip and others) are not accepted; send each file on its own' });
    expect(await refusal(await plainZip(), 'acta.docx')).toMatchObject({ status: 415, message: expect.stringMatching(/archives/) });
    expect(await refusal(Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]), 'a.gz')).toMatchObject({ status: 415, message: expect.stringMatching(/archives/) });
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(64)]);
    expect(await refusal(elf, 'programa')).toMatchObject({ status: 415, message: 'file: programs are not accepted as evidence' });
  });

  it('refuses unknown binary content and empty files', async () => {
    expect(await refusal(Buffer.from([1, 2, 3, 250, 251, 252, 0, 7]), 'datos.bin')).toMatchObject({ status: 415, message: expect.stringMatching(/could not be recognised/) });
    expect(await refusal(Buffer.alloc(0), 'vacio.jpg')).toMatchObject({ status: 400, code: 'empty_file', message: 'file: is empty' });
  });

  it('types hostile office zips as documents (their structure is checked once stored)', async () => {
    expect(await inspectContent(zipBombDocx(), 'informe.docx')).toMatchObject({ kind: 'document' });
    expect(await inspectContent(zipWithTraversal(), 'informe.docx')).toMatchObject({ kind: 'document' });
  });
});

describe('whole text files', () => {
  async function* chunks(...parts: Buffer[]) { for (const p of parts) yield p; }
  it('accepts UTF-8 split anywhere, refuses NUL or invalid bytes anywhere', async () => {
    const t = Buffer.from('año y más', 'utf8');
    await expect(verifyPlainText(chunks(t.subarray(0, 2), t.subarray(2)))).resolves.toBeUndefined();
    await expect(verifyPlainText(chunks(t, Buffer.from([0x61, 0]), t))).rejects.toMatchObject({ status: 415, code: 'unsupported_type' });
    await expect(verifyPlainText(chunks(t, Buffer.from([0xc3])))).rejects.toMatchObject({ status: 415 });
    await expect(verifyPlainText(chunks(t, Buffer.from([0xff]), t))).rejects.toMatchObject({ status: 415 });
  });
});
