/**
 * Layout primitives over pdf-lib for the report PDF: text that never overflows its column,
 * wrapped paragraphs, paged tables, and two charts (horizontal bars and a line). Only the PDF
 * standard fonts are used (nothing is fetched or embedded), so it runs in workerd as is.
 */
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

export const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const FOOTER = 28;
export const CONTENT_WIDTH = A4.width - 2 * MARGIN;

export const COLOURS = {
  ink: rgb(0.11, 0.12, 0.14),
  muted: rgb(0.36, 0.4, 0.44),
  line: rgb(0.85, 0.87, 0.9),
  green: rgb(0.12, 0.48, 0.3),
  greenSoft: rgb(0.91, 0.96, 0.93),
};

/** Characters the standard fonts (WinAnsi) lack, spelled with ones they have. */
const SPELLINGS: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '₂': '2',
  '→': '->',
  '×': 'x',
  '−': '-',
  // Letters that Unicode does not decompose into a base letter and an accent.
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  ı: 'i',
};

export interface Column {
  label: string;
  width: number;
  align?: 'left' | 'right';
}

export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  private readonly pages: PDFPage[] = [];
  private readonly charset: Set<number>;

  private constructor(
    readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.charset = new Set(regular.getCharacterSet());
    this.newPage();
  }

  static async create(meta: { title: string; subject: string; at: Date }): Promise<PdfWriter> {
    // updateMetadata off and fixed dates: the same content gives the same bytes.
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.setTitle(meta.title);
    doc.setSubject(meta.subject);
    doc.setProducer('Spendprint (pdf-lib)');
    doc.setCreator('Spendprint');
    doc.setCreationDate(meta.at);
    doc.setModificationDate(meta.at);
    const [regular, bold] = await Promise.all([
      doc.embedFont(StandardFonts.Helvetica),
      doc.embedFont(StandardFonts.HelveticaBold),
    ]);
    return new PdfWriter(doc, regular, bold);
  }

  /** Text the standard fonts can draw: known symbols spelled out, accents dropped if need be. */
  safe(text: string): string {
    let out = '';
    for (const char of text.replace(/[\r\n\t]+/g, ' ')) {
      const code = char.codePointAt(0)!;
      if (this.charset.has(code)) out += char;
      else if (SPELLINGS[char]) out += SPELLINGS[char];
      else {
        const plain = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
        out += [...plain].every((c) => this.charset.has(c.codePointAt(0)!)) ? plain : '?';
      }
    }
    return out;
  }

  private fit(text: string, width: number, font: PDFFont, size: number): string {
    let fitted = this.safe(text);
    if (font.widthOfTextAtSize(fitted, size) <= width) return fitted;
    while (fitted.length > 1 && font.widthOfTextAtSize(`${fitted}...`, size) > width) {
      fitted = fitted.slice(0, -1);
    }
    return `${fitted}...`;
  }

  private newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y - height < MARGIN + FOOTER) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  line(
    text: string,
    options: { size?: number; bold?: boolean; colour?: RGB; x?: number; width?: number } = {},
  ): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.regular;
    this.ensure(size * 1.4);
    this.y -= size * 1.4;
    this.page.drawText(this.fit(text, options.width ?? CONTENT_WIDTH, font, size), {
      x: MARGIN + (options.x ?? 0),
      y: this.y,
      size,
      font,
      color: options.colour ?? COLOURS.ink,
    });
  }

  heading(text: string): void {
    this.ensure(60);
    this.space(10);
    this.line(text, { size: 13, bold: true, colour: COLOURS.green });
    this.space(4);
  }

  paragraph(text: string, size = 9): void {
    for (const line of this.wrap(text, CONTENT_WIDTH, this.regular, size))
      this.line(line, { size });
  }

  /** Key figures in boxes side by side: a label (up to two lines) over a large value. */
  figures(items: readonly { label: string; value: string }[]): void {
    const height = 60;
    const gap = 8;
    const width = (CONTENT_WIDTH - gap * (items.length - 1)) / items.length;
    this.ensure(height + 8);
    const top = this.y - 6;
    items.forEach((item, i) => {
      const x = MARGIN + i * (width + gap);
      this.page.drawRectangle({ x, y: top - height, width, height, color: COLOURS.greenSoft });
      this.wrap(item.label, width - 12, this.regular, 8)
        .slice(0, 2)
        .forEach((text, row) => {
          this.page.drawText(text, {
            x: x + 6,
            y: top - 14 - row * 10,
            size: 8,
            font: this.regular,
            color: COLOURS.muted,
          });
        });
      this.page.drawText(this.fit(item.value, width - 12, this.bold, 15), {
        x: x + 6,
        y: top - 50,
        size: 15,
        font: this.bold,
        color: COLOURS.ink,
      });
    });
    this.y = top - height - 6;
  }

  /** Words laid into lines no wider than `width`. */
  private wrap(text: string, width: number, font: PDFFont, size: number): string[] {
    const lines: string[] = [];
    let current = '';
    for (const word of this.safe(text).split(' ')) {
      const next = current ? `${current} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && current) {
        lines.push(current);
        current = word;
      } else current = next;
    }
    if (current) lines.push(current);
    return lines;
  }

  /** A table whose header repeats on every page it runs onto. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], size = 8.5): void {
    const rowHeight = size * 1.7;
    const header = () => {
      this.ensure(rowHeight * 2);
      this.cells(
        columns,
        columns.map((c) => c.label),
        size,
        this.bold,
      );
      this.page.drawLine({
        start: { x: MARGIN, y: this.y - 3 },
        end: { x: MARGIN + CONTENT_WIDTH, y: this.y - 3 },
        thickness: 0.6,
        color: COLOURS.line,
      });
    };
    header();
    for (const row of rows) {
      if (this.y - rowHeight < MARGIN + FOOTER) {
        this.newPage();
        header();
      }
      this.cells(columns, row, size, this.regular);
    }
    this.space(4);
  }

  private cells(
    columns: readonly Column[],
    values: readonly string[],
    size: number,
    font: PDFFont,
  ) {
    this.y -= size * 1.7;
    let x = MARGIN;
    columns.forEach((column, i) => {
      const text = this.fit(values[i] ?? '', column.width - 6, font, size);
      const offset =
        column.align === 'right' ? column.width - 6 - font.widthOfTextAtSize(text, size) : 0;
      this.page.drawText(text, { x: x + offset, y: this.y, size, font, color: COLOURS.ink });
      x += column.width;
    });
  }

  /** Horizontal bars, largest first as given, each labelled with its formatted value. */
  barChart(items: readonly { label: string; value: number; display: string }[]): void {
    const barHeight = 12;
    const gap = 5;
    const labelWidth = 190;
    const valueWidth = 70;
    const barSpace = CONTENT_WIDTH - labelWidth - valueWidth;
    const max = Math.max(...items.map((i) => i.value), 0);
    this.ensure(items.length * (barHeight + gap) + 10);
    for (const item of items) {
      this.y -= barHeight + gap;
      this.page.drawText(this.fit(item.label, labelWidth - 8, this.regular, 8), {
        x: MARGIN,
        y: this.y + 3,
        size: 8,
        font: this.regular,
        color: COLOURS.ink,
      });
      const width = max > 0 ? Math.max((item.value / max) * barSpace, 0.5) : 0.5;
      this.page.drawRectangle({
        x: MARGIN + labelWidth,
        y: this.y,
        width,
        height: barHeight,
        color: COLOURS.green,
      });
      this.page.drawText(this.safe(item.display), {
        x: MARGIN + labelWidth + width + 4,
        y: this.y + 3,
        size: 8,
        font: this.regular,
        color: COLOURS.muted,
      });
    }
    this.space(6);
  }

  /** A line chart over equally spaced points, with a zero baseline and the maximum marked. */
  lineChart(
    points: readonly { label: string; value: number }[],
    options: { height: number; axisLabel: (value: number) => string },
  ): void {
    const height = options.height;
    const left = MARGIN + 46;
    const width = CONTENT_WIDTH - 56;
    this.ensure(height + 40);
    const bottom = this.y - 10 - height;
    const max = Math.max(...points.map((p) => p.value), 0) || 1;
    const axis = { thickness: 0.6, color: COLOURS.line };
    this.page.drawLine({
      start: { x: left, y: bottom },
      end: { x: left + width, y: bottom },
      ...axis,
    });
    this.page.drawLine({
      start: { x: left, y: bottom },
      end: { x: left, y: bottom + height },
      ...axis,
    });
    for (const [value, y] of [
      [0, bottom],
      [max, bottom + height],
    ] as const) {
      const text = this.safe(options.axisLabel(value));
      this.page.drawText(text, {
        x: left - 4 - this.regular.widthOfTextAtSize(text, 7),
        y: y - 2,
        size: 7,
        font: this.regular,
        color: COLOURS.muted,
      });
    }
    const step = points.length > 1 ? width / (points.length - 1) : 0;
    const at = (i: number) => ({
      x: left + (points.length > 1 ? i * step : width / 2),
      y: bottom + (points[i]!.value / max) * height,
    });
    points.forEach((point, i) => {
      if (i > 0) {
        this.page.drawLine({ start: at(i - 1), end: at(i), thickness: 1.5, color: COLOURS.green });
      }
      this.page.drawCircle({ ...at(i), size: 2.2, color: COLOURS.green });
      const label = this.safe(point.label);
      const every = Math.ceil(points.length / 12);
      if (i % every === 0) {
        this.page.drawText(label, {
          x: at(i).x - this.regular.widthOfTextAtSize(label, 7) / 2,
          y: bottom - 11,
          size: 7,
          font: this.regular,
          color: COLOURS.muted,
        });
      }
    });
    this.y = bottom - 18;
  }

  /** Puts "footer · page n of N" on every page and returns the file. */
  async finish(footer: string): Promise<Uint8Array> {
    this.pages.forEach((page, i) => {
      page.drawText(this.safe(`${footer} - page ${i + 1} of ${this.pages.length}`), {
        x: MARGIN,
        y: MARGIN - 14,
        size: 7,
        font: this.regular,
        color: COLOURS.muted,
      });
    });
    // A report PDF has a few hundred objects: no need to yield to the event loop while saving.
    return this.doc.save({ useObjectStreams: true, objectsPerTick: Infinity });
  }
}
