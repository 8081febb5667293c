// DIR/raw/<sha256>.<ext>: every downloaded file once, named by its content. A file appears under
// its name whole or not at all (written to a temporary name, fsync'd, renamed), so a killed run
// leaves at most a temporary file, which the next run removes.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export const RAW = 'raw';

export class RawStore {
  private constructor(readonly dir: string) {}

  static async open(outDir: string): Promise<RawStore> {
    const dir = join(outDir, RAW);
    await mkdir(dir, { recursive: true });
    for (const name of await readdir(dir)) if (name.endsWith('.part')) await unlink(join(dir, name)).catch(() => undefined);
    return new RawStore(dir);
  }

  static sha256(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  /** Store bytes under their sha256 (once); returns the file name. */
  async put(bytes: Uint8Array, sha256: string, ext: string): Promise<string> {
    const name = `${sha256}.${ext}`;
    const path = join(this.dir, name);
    if (await stat(path).then((s) => s.size === bytes.length, () => false)) return name;
    const temporary = join(this.dir, `.${name}.${randomBytes(4).toString('hex')}.part`);
    const handle = await open(temporary, 'w');
    try {
      await handle.write(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
    return name;
  }

  read(name: string): Promise<Buffer> {
    return readFile(join(this.dir, name));
  }
}
