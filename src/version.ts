// The tool's version, read once from package.json so that it is written in one place.
import { readFileSync } from 'node:fs';

export const TOOL_VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
