/** The SCORM 1.2 packages' text: the list, the manifest, the launch page, and that each quiz has its questions. */
import { describe, expect, test } from 'vitest';
import { allScenarios } from '../../src/components/lesson/scenario-transcript.ts';
import { scenarioTitles } from '../../src/integrations/scorm-packages.ts';
import { allQuestions } from '../../src/quiz/questions.ts';
import { lessonQuizzes } from '../../src/embed/lesson-quizzes.ts';
import { launchPage, manifest, QUIZ_PACKAGES, scormPackages, xml } from '../../src/embed/scorm.ts';
import { availableLessons } from '../../src/content/course.ts';
import { lessonQuestions } from '../../src/quiz/questions.ts';

describe('the packages', () => {
  test('one per quiz and one per scenario, with unique names', () => {
    const list = scormPackages(allScenarios);
    expect(list).toHaveLength(QUIZ_PACKAGES.length + allScenarios.length);
    expect(new Set(list.map((p) => p.name)).size).toBe(list.length);
    for (const p of list) expect(p.name).toMatch(/^[a-z0-9-]+$/);
  });

  test('one per lesson on the course map with its own questions, as many as it has up to five, in the embed address', () => {
    const lessons = lessonQuizzes();
    expect(lessons.map((l) => l.id)).toEqual(availableLessons.map((l) => l.id));
    const list = scormPackages(allScenarios, lessons).filter((p) => p.name.startsWith('quiz-lesson-'));
    expect(list.map((p) => p.options.lesson)).toEqual(lessons.filter((l) => l.questions > 0).map((l) => l.id));
    for (const p of list) {
      const have = lessonQuestions(p.options.lesson!).length;
      expect(p.options.count, p.name).toBe(Math.min(5, have));
      expect(launchPage(p, 'https://mailwire.example'), p.name).toContain(`lesson=${p.options.lesson}`);
    }
    // A lesson with no questions gets no package.
    expect(scormPackages([], [{ id: 'travel', label: 'How email travels', questions: 0 }])).toHaveLength(QUIZ_PACKAGES.length);
  });

  test('the build reads the same scenarios from their files as the site does', () => {
    expect(scenarioTitles().map((s) => s.id).sort()).toEqual(allScenarios.map((s) => s.id).sort());
  });

  test('each quiz package’s topics have at least its count of questions', () => {
    const bank = allQuestions();
    for (const p of QUIZ_PACKAGES) {
      const topics = p.options.topics;
      const have = topics ? bank.filter((q) => topics.includes(q.topic)).length : bank.length;
      expect(have, p.name).toBeGreaterThanOrEqual(p.options.count ?? 10);
    }
  });
});

describe('the manifest', () => {
  const quiz = QUIZ_PACKAGES[0]!;
  test('SCORM 1.2: the ADL schema, one SCO resource launched by index.html, the mastery score', () => {
    const m = manifest(quiz);
    expect(m).toContain('<schema>ADL SCORM</schema>');
    expect(m).toContain('<schemaversion>1.2</schemaversion>');
    expect(m).toContain('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"');
    expect(m).toContain('<resource identifier="mailwire-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">');
    expect(m).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>');
    expect(m).toContain('identifier="mailwire-quiz-ports-and-encryption"');
  });

  test('a scenario has no mastery score; titles are escaped', () => {
    const m = manifest({ name: 'scenario-x', title: 'A & <B>', widget: 'simulator', options: { scenario: 'x' } });
    expect(m).not.toContain('masteryscore');
    expect(m).toContain('<title>A &amp; &lt;B&gt;</title>');
    expect(xml('"')).toBe('&quot;');
  });
});

describe('the launch page', () => {
  test('frames the embed with the package’s options and id, and loads launch.js', () => {
    const page = launchPage(QUIZ_PACKAGES[1]!, 'https://mailwire.example');
    expect(page).toContain('<iframe id="mailwire" title="Quiz: port to protocol (5 questions)" src="https://mailwire.example/embed/quiz/?count=5&amp;topics=port-to-protocol&amp;seed=1&amp;id=scorm-quiz-port-to-protocol" data-mastery="80"></iframe>');
    expect(page).toContain('<script src="launch.js"></script>');
  });
});
