import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { corporaDir } from '../paths.js';

const wxrDir = path.join(corporaDir, 'wordpress-wxr-theme-test-data');

/** Post HTML (`content:encoded`, block comments included) by post title, from the WordPress theme test data. */
export function loadWxrPosts(file: '64-block-test-data.xml' | 'themeunittestdata.wordpress.xml'): Map<string, string> {
  const $ = cheerio.load(readFileSync(path.join(wxrDir, file), 'utf8'), { xml: true });
  const posts = new Map<string, string>();
  $('item').each((_, item) => {
    const children = $(item).children();
    const field = (name: string): string =>
      children
        .filter((_, el) => el.type === 'tag' && el.tagName === name)
        .first()
        .text();
    if (field('wp:post_type') !== 'post') return;
    posts.set(field('title').trim(), field('content:encoded'));
  });
  return posts;
}

/** WordPress `wpautop`, roughly: blank-line separated text of classic posts becomes paragraphs. */
export function autop(html: string): string {
  if (/<!-- wp:/.test(html)) return html;
  return html
    .split(/\n\s*\n/)
    .map((block) => (/^\s*<(h\d|ul|ol|table|pre|blockquote|div|dl|figure|hr|p)\b/i.test(block) ? block : `<p>${block.trim()}</p>`))
    .join('\n');
}
