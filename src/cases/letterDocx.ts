/** A letter as a .docx file (A4, 仿宋 body, centred title), ready to print, sign and seal. */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { cnDate, type LetterContent } from './letters.ts';

const BODY_FONT = 'FangSong';
const TITLE_FONT = 'SimHei';
const SIZE = 32; // 三号 (16 pt) in half-points

export async function letterDocx(letter: LetterContent): Promise<Buffer> {
  const body = (text: string, options: { indent?: boolean; align?: 'right' } = {}) =>
    new Paragraph({
      alignment: options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
      indent: options.indent === false ? undefined : { firstLine: SIZE * 10 * 2 },
      spacing: { line: 560 },
      children: [new TextRun({ text, font: BODY_FONT, size: SIZE })],
    });
  const doc = new Document({
    creator: letter.agencyName,
    title: letter.title,
    sections: [
      {
        properties: {
          page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 200 },
            children: [new TextRun({ text: letter.title, font: TITLE_FONT, size: 44 })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400 },
            children: [new TextRun({ text: letter.number, font: BODY_FONT, size: SIZE })],
          }),
          body(`${letter.addressee}：`, { indent: false }),
          ...letter.paragraphs.map((p) => body(p)),
          ...(letter.basis ? [body(letter.basis)] : []),
          ...(letter.remedy ? [body(letter.remedy)] : []),
          body('特此告知。'),
          new Paragraph({ spacing: { before: 600 }, children: [] }),
          body(letter.agencyName, { indent: false, align: 'right' }),
          body(cnDate(letter.date), { indent: false, align: 'right' }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
