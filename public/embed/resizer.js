/*! Mailwire embed resizer | MIT License | Copyright (c) 2026 the Mailwire authors | https://mailwire.example/teach/
 * One <script src=".../embed/resizer.js"></script> on a page makes every Mailwire iframe on it as tall as its
 * widget. It reads only `resize` and `ready` events ({ source: 'mailwire', version: 1, height }) and only from an
 * iframe whose own address has the origin the message came from; everything else is ignored. */
(function () {
  'use strict';
  if (window.mailwireResizer) return;
  window.mailwireResizer = 1;
  var MAX = 20000;

  function originOf(frame) {
    try {
      return new URL(frame.src, location.href).origin;
    } catch (e) {
      return '';
    }
  }

  function ask(frame) {
    var origin = originOf(frame);
    if (frame.contentWindow && /^https?:/.test(origin)) {
      frame.contentWindow.postMessage({ source: 'mailwire-host', version: 1, type: 'request-size' }, origin);
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.source !== 'mailwire' || data.version !== 1 || (data.type !== 'resize' && data.type !== 'ready')) return;
    var height = Math.ceil(Number(data.height));
    if (!(height > 0 && height <= MAX)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow === event.source && originOf(frame) === event.origin) {
        frame.style.height = height + 'px';
        return;
      }
    }
  });

  // Frames that loaded before this script ran posted their size to nobody: ask them again, and each new one.
  function hook() {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.mailwireHooked || !/\/embed\//.test(frame.src)) continue;
      frame.mailwireHooked = 1;
      frame.addEventListener('load', ask.bind(null, frame));
      ask(frame);
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', hook);
  else hook();
})();
