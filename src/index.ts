/**
 * paiban's programmatic API. The CLI is a thin layer over these functions.
 */
export {buildArticle, type BuildOptions, type BuildResult} from './build/build-article.js'
export {renderArticle, layoutArticle, type RenderOptions, type RenderResult} from './build/render-article.js'
export {buildHandouts, type BuildHandoutsOptions, type BuildHandoutsResult} from './handouts/build-handouts.js'
export {findArticles} from './build/find-articles.js'
export {loadTemplate, listTemplates, type Template} from './config/template.js'
export {parseMarkdown} from './parse/parse-markdown.js'
export {toArticle} from './article/to-article.js'
export type {Article, Block, Inline} from './article/types.js'
export {rebuildArchive, type ArchiveOptions} from './archive/rebuild-archive.js'
