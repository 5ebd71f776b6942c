/** A WordPress theme page (Twenty-Twenty-style markup): header with menu, article, comments, widgets, footer. */
export function themePage(title: string, entryContent: string, head = '<meta charset="UTF-8">'): string {
  return `<!DOCTYPE html>
<html lang="en-US">
<head>
${head}
<title>${title} &#8211; BASIS International Ltd</title>
<meta property="og:title" content="${title}">
<link rel="stylesheet" href="/wp-content/themes/basis/style.css">
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>
<style>.entry-content { max-width: 40rem; }</style>
</head>
<body class="post-template-default single single-post">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header">
  <div class="site-branding"><p class="site-title"><a href="/">BASIS International Ltd</a></p></div>
  <nav id="site-navigation" class="main-navigation"><ul><li><a href="/products/">Products</a></li><li><a href="/advantage-index/">Advantage</a></li><li><a href="/knowledge-base/">Knowledge Base</a></li></ul></nav>
</header>
<div id="content" class="site-content">
  <div id="primary" class="content-area"><main id="main" class="site-main">
    <article id="post-42" class="post type-post status-publish">
      <header class="entry-header"><h1 class="entry-title">${title}</h1><div class="entry-meta">Posted on June 4, 2024 by admin</div></header>
      <div class="entry-content">
${entryContent}
      </div>
      <footer class="entry-footer"><span class="cat-links">Posted in Advantage</span></footer>
    </article>
    <nav class="navigation post-navigation"><div class="nav-links"><a href="/advantage/older-post/">Previous post: Older post</a></div></nav>
    <div id="comments" class="comments-area"><h2 class="comments-title">One thought on this article</h2><ol class="comment-list"><li>Spam comment with a link</li></ol></div>
  </main></div>
  <aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul><li><a href="/advantage/recent-widget-post/">Recent widget post</a></li></ul></section></aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">&copy; 2024 BASIS International Ltd. All rights reserved.</div></footer>
<script src="/wp-includes/js/wp-embed.min.js"></script>
</body>
</html>`;
}

/**
 * An Echo Knowledge Base article page: the `#eckb-article-body` grid with the category
 * navigation on the left, the article (header with breadcrumb and print button, body,
 * rating footer) in the centre and the table of contents on the right.
 */
export function eckbPage(title: string, body: string): string {
  const page = `
<div id="eckb-article-page-container-v2" class="eckb-article-page-container-v2 eckb-article-page--L-sidebar-to-content">
  <div id="eckb-article-body">
    <div id="eckb-article-left-sidebar">
      <div class="eckb-article-widget-sidebar"><h4>Categories</h4><ul><li><a href="/knowledge-base/category/installation/">Installation Sidebar Category (12)</a></li><li><a href="/knowledge-base/category/licensing/">Licensing Sidebar Category (7)</a></li></ul></div>
    </div>
    <article id="eckb-article-content">
      <div id="eckb-article-content-header-v2">
        <div class="eckb-breadcrumb"><ul><li><a href="/knowledge-base/">Knowledge Base</a></li><li>Breadcrumb Category</li></ul></div>
        <div class="eckb-print-button-container"><span>Print this article</span></div>
        <h1 class="eckb-article-title">${title}</h1>
      </div>
      <div id="eckb-article-content-body">
${body}
      </div>
      <div id="eckb-article-content-footer"><div class="eckb-ratings-container">Was this article helpful? Yes No</div></div>
    </article>
    <div id="eckb-article-right-sidebar">
      <div class="eckb-article-toc"><div class="eckb-article-toc__title">Table Of Contents Sidebar</div></div>
    </div>
  </div>
</div>`;
  return themePage(title, page).replace('<div class="entry-content">', '<div class="entry-content eckb-wrapper">');
}
