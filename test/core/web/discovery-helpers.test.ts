import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import { canonicalUrl, extractLinks, parseSitemap, pathUnder, stripSiteNames, titleFromUrl } from '../../../src/core/web/index.js';

describe('web-common discovery helpers', () => {
  test('canonicalUrl drops fragments and ignored parameters, keeps and sorts meaningful ones', () => {
    const ignored = ['TocPath', 'utm_*'];
    assert.equal(canonicalUrl('https://h/a.htm?TocPath=x%7Cy&b=2&utm_source=z&a=1#frag', ignored), 'https://h/a.htm?a=1&b=2');
    assert.equal(canonicalUrl('https://H/a.htm?tocpath=1', ignored), 'https://h/a.htm');
  });

  test('extractLinks resolves, de-duplicates and skips non-page schemes', () => {
    const $ = cheerio.load('<a href="../b.htm#x">1</a><a href="../b.htm">2</a><a href="mailto:a@b">m</a><a href="#top">t</a><a href="javascript:x()">j</a><a href="ftp://h/f">f</a>');
    assert.deepEqual(extractLinks($, 'https://h/docs/a/page.htm'), ['https://h/docs/b.htm']);
  });

  test('pathUnder gives the path below a base, decoded', () => {
    assert.equal(pathUnder('https://h/Help/WebHelp/a%20b/c.htm', 'https://h/Help/WebHelp/'), 'a b/c.htm');
    assert.equal(pathUnder('https://h/Other/c.htm', 'https://h/Help/WebHelp/'), undefined);
  });

  test('parseSitemap reads url sets and sitemap indexes, with or without a namespace prefix', () => {
    const index = parseSitemap('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc> https://h/post-sitemap.xml </loc></sitemap></sitemapindex>');
    assert.deepEqual(index, { pages: [], sitemaps: ['https://h/post-sitemap.xml'] });
    const prefixed = parseSitemap('<sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9"><sm:url><sm:loc>https://h/a/</sm:loc></sm:url></sm:urlset>');
    assert.deepEqual(prefixed.pages, ['https://h/a/']);
  });

  test('stripSiteNames removes site names behind any separator, repeatedly', () => {
    const names = ['BASIS International Ltd', 'BASIS International', 'BASIS', 'Advantage'];
    assert.equal(stripSiteNames('Getting Started - BASIS International Ltd', names), 'Getting Started');
    assert.equal(stripSiteNames('Intro \u2013 Advantage | BASIS', names), 'Intro');
    assert.equal(stripSiteNames('BASIS', names), 'BASIS');
    assert.equal(stripSiteNames('Using BASIS tools', names), 'Using BASIS tools');
  });

  test('titleFromUrl splits camel case and separators', () => {
    assert.equal(titleFromUrl('https://h/advantage/BBJSPCommandFramework.pdf'), 'BBJSP Command Framework');
    assert.equal(titleFromUrl('https://h/x/my_great-page.htm'), 'my great page');
  });
});
