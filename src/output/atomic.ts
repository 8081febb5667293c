// Writes that a killed process never leaves half done: write a temporary file, then rename.
import { randomBytes } from 'node:crypto';
import { rename, writeFile, unlink } from 'node:fs/promises';

export function temporaryName(path: string): string {
  return `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryName(path);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
