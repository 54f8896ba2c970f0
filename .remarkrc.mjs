// remark configuration, read by the VS Code remark extension (unifiedjs.vscode-remark) and by
// `npx remark`. It only checks release front matter against schemas/release.schema.json, which
// `pressroom schema` generates from the content model; no Markdown style rules are enabled, so
// the body of a release is never flagged. Install once with `npm ci` at the repository root.
import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';

export default {
  plugins: [
    remarkFrontmatter,
    [
      remarkLintFrontmatterSchema,
      {
        schemas: {
          'schemas/release.schema.json': ['press_releases/*.md', 'press_releases/**/*.md'],
          // Listed after the release schema, so it is the one a translation is checked by.
          'schemas/translation.schema.json': ['press_releases/*.es.md', 'press_releases/**/*.es.md'],
        },
        ajvOptions: {
          // The plugin's Ajv speaks draft-07 and has no draft 2020-12 meta-schema, so it would
          // refuse the schema's `$schema` line. Skip checking the schema itself (the Python
          // tests do that); the keywords the generated schema uses mean the same in both drafts
          // (tests/test_editor_schema.py keeps it that way).
          validateSchema: false,
          // The email pattern escapes a quote (`\"`), which Python accepts but JavaScript's
          // unicode-mode regular expressions reject. No pattern needs unicode mode.
          unicodeRegExp: false,
        },
      },
    ],
  ],
};
