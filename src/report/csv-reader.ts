// A streaming CSV reader (RFC 4180 and what spreadsheets write): comma separated, fields in
// double quotes may hold commas, line breaks and doubled quotes; CRLF or LF line ends. Text is
// pushed in chunks and rows come out as they complete, so a large export never sits in memory
// whole. A field over the size limit (a quote that never closes, usually) is an error.

export class CsvError extends Error {}

export class CsvReader {
  private row: string[] = [];
  private field = "";
  private quoted = false;
  /** The last character was a quote inside a quoted field: a doubled quote or the field's end. */
  private quoteSeen = false;
  private fieldStarted = false;
  private line = 1;
  private rowLine = 1;

  constructor(
    private readonly onRow: (fields: string[], line: number) => void,
    private readonly maxFieldChars = 1_000_000,
  ) {}

  push(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) this.take(chunk[i]!);
    if (this.field.length > this.maxFieldChars)
      throw new CsvError(
        `line ${this.rowLine}: a field is longer than ${this.maxFieldChars} characters (a quote that never closes?)`,
      );
  }

  end(): void {
    if (this.quoted && !this.quoteSeen)
      throw new CsvError(
        `line ${this.rowLine}: a quoted field is not closed before the end of the file`,
      );
    if (this.fieldStarted || this.row.length > 0) this.finishRow();
  }

  private take(c: string): void {
    if (this.quoted) return this.takeQuoted(c);
    if (c === '"' && !this.fieldStarted) {
      this.quoted = true;
      this.fieldStarted = true;
    } else if (c === ",") this.finishField();
    else if (c === "\n") {
      this.finishRow();
      this.line++;
      this.rowLine = this.line;
    } else if (c === "\r") {
      // A CR belongs to the CRLF line end; a lone CR is dropped as well.
    } else {
      this.field += c;
      this.fieldStarted = true;
    }
  }

  private takeQuoted(c: string): void {
    if (this.quoteSeen) {
      this.quoteSeen = false;
      if (c === '"') {
        this.field += '"';
        return;
      }
      this.quoted = false;
      this.take(c);
      return;
    }
    if (c === '"') this.quoteSeen = true;
    else {
      if (c === "\n") this.line++;
      this.field += c;
    }
  }

  private finishField(): void {
    this.row.push(this.field);
    this.field = "";
    this.fieldStarted = false;
  }

  private finishRow(): void {
    this.finishField();
    const row = this.row;
    this.row = [];
    // A blank line is no row.
    if (row.length === 1 && row[0] === "") return;
    this.onRow(row, this.rowLine);
  }
}
