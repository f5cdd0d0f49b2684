/** One part of a multipart/form-data body, as bytes: a field or an uploaded file. */
export interface FormPart {
  name: string;
  /** Set for a file part. */
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/**
 * Parses a multipart/form-data body byte for byte (a PNG must survive untouched), as the Bot API and
 * Discord read uploads. Throws on a body that is not well formed, naming what is wrong.
 */
export function parseMultipart(body: Buffer, contentType: string): FormPart[] {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (!boundary) throw new Error(`multipart: no boundary in "${contentType}"`);
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) throw new Error('multipart: no opening boundary');
  // Bounded: each turn moves past one boundary, and the body has finitely many.
  for (let guard = 0; guard < 1000; guard++) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') return parts;
    const next = body.indexOf(delimiter, start);
    if (next < 0) throw new Error('multipart: missing closing boundary');
    const chunk = body.subarray(start + 2, next - 2); // after CRLF, before the CRLF that precedes the boundary
    const split = chunk.indexOf('\r\n\r\n');
    if (split < 0) throw new Error('multipart: a part without headers');
    const headers = chunk.subarray(0, split).toString('utf8');
    const name = /name="([^"]*)"/.exec(headers)?.[1];
    if (name === undefined) throw new Error(`multipart: a part without a name (${headers})`);
    const filename = /filename="([^"]*)"/.exec(headers)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1];
    parts.push({ name, data: Buffer.from(chunk.subarray(split + 4)), ...(filename !== undefined ? { filename } : {}), ...(type ? { contentType: type } : {}) });
    at = next;
  }
  throw new Error('multipart: too many parts');
}
