export { javadocParser } from './javadoc-parser.js';
export { javadocOptionsSchema, type JavadocOptions } from './javadoc-options.js';
export { javadocRoots, jsonFiles, DEFAULT_BBJ_HOME } from './javadoc-files.js';
export { renderClassCard, type ClassCard } from './class-card.js';
export { docuToMarkdown, type ConvertedDocu } from './docu-markdown.js';
export { sentences, firstSentence, SUMMARY_MAX } from './sentences.js';
export { JavadocPackageSchema, paramList, type JavadocPackage, type JavadocClass, type JavadocMember } from './javadoc-json.js';
