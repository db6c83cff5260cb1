// Walks the given paths and prints what it found as JSON: run by identity.test.ts as an unprivileged user.
import { walk } from '../../archive/files.ts';

const found = await walk(process.argv.slice(2));
process.stdout.write(JSON.stringify(found.map((f) => ({ path: f.path, error: f.error?.message }))));
