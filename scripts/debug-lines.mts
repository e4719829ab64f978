import fs from 'node:fs'
import {renderArticle} from '../src/build/render-article.js'
import {renderDebug} from '../src/render/debug/render-debug.js'
import {resolveGrid} from '../src/config/resolve-template.js'
import {loadTemplate} from '../src/config/template.js'
const f = process.argv[2]!
const r = await renderArticle(fs.readFileSync(f, 'utf8'), f, {template: process.argv[3]})
process.stdout.write(renderDebug(r.document!, resolveGrid(loadTemplate(process.argv[3] ?? 'newspaper'))))
