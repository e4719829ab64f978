// Vitest global setup: every temporary file or folder a test makes goes under
// one folder of its own, which is removed when the run ends, so a run leaves
// nothing behind in the system's temporary folder. The test processes, and the
// CLI processes they start, inherit TMPDIR, which os.tmpdir() reads.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-tests-'))
  const previous = process.env.TMPDIR
  process.env.TMPDIR = root
  return () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    fs.rmSync(root, {recursive: true, force: true})
  }
}
