// Say once, in the default reporter's output, that the tests on the real reports were skipped.
import { HAS_CORPUS, SHARED } from './helpers.js';

export default function setup(): void {
  if (!HAS_CORPUS) console.log(`\nskipped: no ../shared corpus (${SHARED}): the tests on the real reports, the seed and the gold answers did not run\n`);
}
