/**
 * An esbuild plugin for the size bench: it empties the text of every message
 * in src/ (string and template literals holding a space, i.e. prose, not
 * header names or keywords) and keeps all code. The bundle it gives is the
 * size of the runtime's logic alone: how small the bundle could get by
 * shortening messages, with no behaviour removed.
 */
import { readFileSync } from "node:fs";
import type { Plugin } from "esbuild";
import ts from "typescript";

const prose = (text: string) => text.includes(" ");

function emptyMessages(context: ts.TransformationContext) {
  const { factory } = context;
  const visit = (node: ts.Node): ts.Node => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && prose(node.text)) {
      return ts.isStringLiteral(node)
        ? factory.createStringLiteral("")
        : factory.createNoSubstitutionTemplateLiteral("");
    }
    if (
      ts.isTemplateExpression(node) &&
      [node.head, ...node.templateSpans.map((span) => span.literal)].some((part) => prose(part.text))
    ) {
      const spans = node.templateSpans.map((span, i) =>
        factory.createTemplateSpan(
          ts.visitNode(span.expression, visit) as ts.Expression,
          i === node.templateSpans.length - 1 ? factory.createTemplateTail("") : factory.createTemplateMiddle(""),
        ),
      );
      return factory.createTemplateExpression(factory.createTemplateHead(""), spans);
    }
    return ts.visitEachChild(node, visit, context);
  };
  return (file: ts.SourceFile) => ts.visitNode(file, visit) as ts.SourceFile;
}

export const stripMessages: Plugin = {
  name: "strip-messages",
  setup(build) {
    build.onLoad({ filter: /[/\\]src[/\\].*\.ts$/ }, (args) => {
      const file = ts.createSourceFile(args.path, readFileSync(args.path, "utf8"), ts.ScriptTarget.Latest, true);
      const [stripped] = ts.transform(file, [emptyMessages]).transformed;
      return { contents: ts.createPrinter().printFile(stripped!), loader: "ts" };
    });
  },
};
