import type { FormPart } from '../multipart.ts';
import { pngSize } from '../png.ts';
import type { Json } from './payloads.ts';

/** A file the bot uploaded with a message, as the fake received it. */
export interface Upload {
  filename: string;
  description: string;
  width: number;
  height: number;
  data: Buffer;
}

/** Discord's limit for an attachment's description (alt text), in characters. */
const MAX_DESCRIPTION = 1024;

/**
 * Checks a multipart message as Discord does: `payload_json` lists each attachment by id, each id has
 * its `files[id]` part with a file name, an image is a valid PNG, and an embed's `attachment://NAME`
 * names a file uploaded with it. Returns the uploads, or the problems.
 */
export function readAttachments(body: Json, parts: readonly FormPart[]): { uploads: Upload[] } | { problems: string[] } {
  const problems: string[] = [];
  const uploads: Upload[] = [];
  const listed = (body.attachments ?? []) as Json[];
  const fileParts = parts.filter((p) => p.filename !== undefined);
  if (fileParts.length !== listed.length) problems.push(`attachments: ${listed.length} listed, ${fileParts.length} files sent`);
  for (const attachment of listed) {
    const part = parts.find((p) => p.name === `files[${String(attachment.id)}]`);
    if (!part?.filename) {
      problems.push(`attachments[${String(attachment.id)}]: no file part files[${String(attachment.id)}]`);
      continue;
    }
    const description = typeof attachment.description === 'string' ? attachment.description : '';
    if (description.length > MAX_DESCRIPTION) problems.push(`attachments[${String(attachment.id)}].description: ${description.length} > ${MAX_DESCRIPTION}`);
    const size = pngSize(part.data);
    if ('error' in size) problems.push(`${part.filename}: ${size.error}`);
    else uploads.push({ filename: part.filename, description, width: size.width, height: size.height, data: part.data });
  }
  for (const [i, embed] of ((body.embeds ?? []) as Json[]).entries()) {
    const url = String((embed.image as Json | undefined)?.url ?? '');
    const name = /^attachment:\/\/(.+)$/.exec(url)?.[1];
    if (name !== undefined && !fileParts.some((p) => p.filename === name)) problems.push(`embeds[${i}].image: ${url} names no uploaded file`);
  }
  return problems.length > 0 ? { problems } : { uploads };
}
