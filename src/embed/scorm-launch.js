/*! Mailwire SCORM 1.2 launcher | MIT License | Copyright (c) 2026 the Mailwire authors | https://mailwire.example/teach/
 * Finds the LMS's SCORM 1.2 `API` object (in a parent frame or the opener, as the SCORM 1.2 Runtime Environment
 * describes), starts the attempt, and records what the embedded widget reports: a quiz round's score (passed at the
 * package's mastery score) or a finished scenario (completed). Messages are read only from the widget's own frame
 * and origin, and only in Mailwire's event shape (version 1). */
(function () {
  'use strict';
  var frame = document.getElementById('mailwire');
  var origin = new URL(frame.src, location.href).origin;
  var mastery = Number(frame.getAttribute('data-mastery')) || 80;

  function findIn(win) {
    for (var depth = 0; win && depth < 8; depth++) {
      try {
        if (win.API) return win.API;
      } catch (e) {
        return null;
      }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  var api = findIn(window) || (window.opener ? findIn(window.opener) : null);
  var status = document.getElementById('mailwire-lms');
  function say(text) {
    if (status) status.textContent = text;
  }
  if (!api) {
    say('No learning platform found: your score is not recorded (the widget works all the same).');
    return;
  }
  var started = String(api.LMSInitialize('')) === 'true';
  if (!started) return say('The learning platform did not start the attempt: your score is not recorded.');
  var current = String(api.LMSGetValue('cmi.core.lesson_status'));
  if (current === 'not attempted' || current === '') api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
  api.LMSCommit('');

  function record(score, state) {
    api.LMSSetValue('cmi.core.score.min', '0');
    api.LMSSetValue('cmi.core.score.max', '100');
    api.LMSSetValue('cmi.core.score.raw', String(score));
    api.LMSSetValue('cmi.core.lesson_status', state);
    api.LMSCommit('');
    say('Recorded: ' + score + ' of 100, ' + state + '.');
  }

  window.addEventListener('message', function (event) {
    var d = event.data;
    if (event.source !== frame.contentWindow || event.origin !== origin) return;
    if (!d || d.source !== 'mailwire' || d.version !== 1) return;
    if (d.type === 'quiz-result' && d.round === 1 && d.max > 0 && d.score >= 0 && d.score <= d.max) {
      var score = Math.round((d.score / d.max) * 100);
      record(score, score >= mastery ? 'passed' : 'failed');
    } else if (d.type === 'scenario-complete') {
      record(100, 'completed');
    }
  });

  var finished = false;
  function finish() {
    if (finished) return;
    finished = true;
    api.LMSFinish('');
  }
  window.addEventListener('pagehide', finish);
  window.addEventListener('beforeunload', finish);
})();
