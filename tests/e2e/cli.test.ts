import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import {describe, expect, test, vi} from 'vitest'
import {main} from '../../src/cli/index.js'

/** Run the CLI in-process with its output silenced; return the exit code and what it wrote. */
async function run(...argv: string[]): Promise<{code: number; out: string; err: string}> {
  let out = ''
  let err = ''
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true))
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true))
  try {
    return {code: await main(argv), out, err}
  } finally {
    stdout.mockRestore()
    stderr.mockRestore()
  }
}

describe('paiban build from the command line', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-cli-'))

  test('exit 0 and one line per article built', async () => {
    const result = await run('build', 'content/npc-suggestion-7240-reply.md', '--out', out, '--quiet')
    expect(result.code).toBe(0)
    expect(result.out).toContain('npc-suggestion-7240-reply.pdf (1 page)')
    expect(fs.existsSync(path.join(out, 'npc-suggestion-7240-reply.pdf'))).toBe(true)
  })

  test('exit 1 when one article fails, the others still built, the failure named with file and line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-cli-in-'))
    fs.writeFileSync(path.join(dir, 'a-empty.md'), '')
    fs.copyFileSync('content/national-anthem-law.md', path.join(dir, 'b-law.md'))
    const result = await run('build', dir, '--out', out)
    expect(result.code).toBe(1)
    expect(fs.existsSync(path.join(out, 'b-law.pdf'))).toBe(true)
    expect(fs.existsSync(path.join(out, 'a-empty.pdf'))).toBe(false)
    expect(result.err).toMatch(/a-empty\.md[\s\S]*1:1\s+error\s+The file is empty/)
  })

  test('the subfolders of a folder are mirrored under --out, so articles of one name in two folders both build', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-cli-tree-'))
    const into = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-cli-tree-out-'))
    for (const [folder, sample] of [['2019', 'holiday-schedule-2019'], ['2021', 'data-security-law']] as const) {
      fs.mkdirSync(path.join(dir, folder))
      fs.copyFileSync(`content/${sample}.md`, path.join(dir, folder, 'notice.md'))
    }
    const result = await run('build', dir, '--out', into, '--quiet')
    expect(result.code).toBe(0)
    expect(fs.readdirSync(into, {recursive: true}).filter((name) => String(name).endsWith('.pdf')).sort()).toEqual([path.join('2019', 'notice.pdf'), path.join('2021', 'notice.pdf')])
  })

  test('pictures may lie anywhere inside the folder named, as in an archive; a file named itself keeps them beside it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-cli-pictures-'))
    const into = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-cli-pictures-out-'))
    fs.mkdirSync(path.join(dir, 'images'))
    fs.mkdirSync(path.join(dir, '2019'))
    await sharp({create: {width: 600, height: 400, channels: 3, background: {r: 90, g: 90, b: 90}}}).jpeg().toFile(path.join(dir, 'images', 'p.jpg'))
    const [head, body] = fs.readFileSync('content/npc-suggestion-7240-reply.md', 'utf8').split('\n---\n') as [string, string]
    fs.writeFileSync(path.join(dir, '2019', 'notice.md'), `${head}\n---\n\n![现场](../images/p.jpg)\n\n${body}`)
    const folder = await run('build', dir, '--out', into, '--quiet')
    expect(folder.code).toBe(0)
    expect(folder.err).not.toContain('image-outside-root')
    const handouts = await run('handouts', dir, '--out', path.join(into, 'handouts'), '--quiet')
    expect(handouts.err).not.toContain('image-outside-root')
    const alone = await run('build', path.join(dir, '2019', 'notice.md'), '--out', into, '--quiet')
    expect(alone.code).toBe(1)
    expect(alone.err).toContain('image-outside-root')
  })

  test('two files named alike, given as files, are not both built into one output: the second is an error, the first kept', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-cli-same-'))
    const into = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-cli-same-out-'))
    for (const folder of ['a', 'b']) fs.mkdirSync(path.join(dir, folder))
    fs.copyFileSync('content/luxun-leifeng-pagoda.md', path.join(dir, 'a', 'x.md'))
    fs.copyFileSync('content/national-anthem-law.md', path.join(dir, 'b', 'x.md'))
    const result = await run('build', path.join(dir, 'a', 'x.md'), path.join(dir, 'b', 'x.md'), '--out', into)
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/b\/x\.md[\s\S]*error\s+Not built: its output x would replace that of .*a\/x\.md[\s\S]*output-collision/)
    expect(result.out).toContain(`${path.join(dir, 'a', 'x.md')} → ${path.join(into, 'x.pdf')}`)
    expect(result.out).not.toContain(path.join(dir, 'b', 'x.md'))
    expect(fs.readdirSync(into)).toEqual(['x.pdf'])
  })

  test.each([
    [['frobnicate']],
    [['build', 'no-such-file.md']],
    [['build', 'content/npc-suggestion-7240-reply.md', '--template', 'no-such-template']],
    // A template named on the command line is checked once, before any article: not one failure per article.
    [['archive', 'content', '--template', 'no-such-template']],
    [['handouts', 'content/npc-suggestion-7240-reply.md', '--template', 'no-such-template']]
  ])('exit 2 for a usage error: %j', async (argv) => {
    expect((await run(...argv, '--out', out)).code).toBe(2)
  })

  test('an --out that is a file, or lies in one, is a usage error for every command, said before any article', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-cli-outfile-')), 'a-file')
    fs.writeFileSync(file, '')
    for (const argv of [['build', 'content/npc-suggestion-7240-reply.md'], ['handouts', 'content/npc-suggestion-7240-reply.md'], ['archive', 'content']]) {
      for (const outDir of [file, path.join(file, 'sub')]) {
        const result = await run(...argv, '--out', outDir)
        expect(result.code).toBe(2)
        expect(result.err).toContain(`not a folder: ${file}`)
        expect(result.err).not.toContain('internal error')
      }
    }
  })

  test('archive --report: a folder, or a path inside a file, is a usage error; a report the disk refuses fails the run, not as a bug', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-cli-report-'))
    fs.writeFileSync(path.join(dir, 'a-file'), '')
    const archive = path.join(dir, 'archive')
    fs.mkdirSync(archive)
    fs.copyFileSync('content/npc-suggestion-7240-reply.md', path.join(archive, 'reply.md'))
    const folder = await run('archive', archive, '--out', path.join(dir, 'out'), '--report', dir)
    expect(folder.code).toBe(2)
    expect(folder.err).toContain(`--report: ${dir} is a folder; name a file`)
    const inFile = await run('archive', archive, '--out', path.join(dir, 'out'), '--report', path.join(dir, 'a-file', 'r.json'))
    expect(inFile.code).toBe(2)
    expect(inFile.err).toContain(`--report: not a folder: ${path.join(dir, 'a-file')}`)
    if (process.platform === 'linux') {
      // /proc takes no new files: the articles are built, the report cannot be written.
      const refused = await run('archive', archive, '--out', path.join(dir, 'out'), '--report', '/proc/paiban-report.json', '--quiet')
      expect(refused.code).toBe(1)
      expect(refused.err).toContain('cannot write the report /proc/paiban-report.json')
      expect(refused.err).not.toContain('internal error')
      expect(fs.existsSync(path.join(dir, 'out', 'reply.pdf'))).toBe(true)
    }
  })

  test('a --fonts folder that is not there is a usage error; a font file no role takes is warned of, by name', async () => {
    const missing = await run('build', 'content/npc-suggestion-7240-reply.md', '--out', out, '--fonts', path.join(out, 'no-such-fonts'))
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('no-such-fonts: no such folder')
    const fonts = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-cli-fonts-'))
    // Not opened: only their names matter here.
    fs.writeFileSync(path.join(fonts, 'SourceHanSerifSC-Regular.otf'), '')
    fs.writeFileSync(path.join(fonts, 'sogn.ttf'), '')
    fs.writeFileSync(path.join(fonts, 'notes.txt'), '')
    const stray = await run('build', 'content/npc-suggestion-7240-reply.md', '--out', out, '--fonts', fonts, '--quiet')
    expect(stray.code).toBe(0)
    expect(stray.err).toContain('SourceHanSerifSC-Regular.otf is named after no font role and is not used (name it song.ttf,')
    expect(stray.err).toContain('sogn.ttf is named after no font role and is not used (did you mean song.ttf?')
    expect(stray.err).not.toContain('notes.txt')
  })

  test('--strict turns a warning into a failure', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-cli-strict-'))
    fs.writeFileSync(path.join(dir, 'typo.md'), '---\ntitle: 标题\ntitel: 错字\n---\n\n正文。\n')
    expect((await run('build', dir, '--out', out, '--quiet')).code).toBe(0)
    expect((await run('build', dir, '--out', out, '--strict', '--quiet')).code).toBe(1)
  })
})
