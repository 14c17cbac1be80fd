// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import SessionSimulator from '../../src/components/widgets/SessionSimulator.svelte';
import { submissionScenario } from '../machines/scenario-player.fixture.ts';

vi.mock('../../src/components/widgets/scenarios.ts', () => ({
  scenarioIds: ['test-submission'],
  loadScenario: async (id: string) => (id === 'test-submission' ? submissionScenario : undefined),
}));

afterEach(() => cleanup());

const end = {
  summary: 'AUTH before and after STARTTLS.',
  lesson: { href: '/lessons/smtp/', text: 'Lesson 3: SMTP' },
  next: { href: '/scenarios/smtp-auth-login/', text: 'Logging in with AUTH LOGIN' },
};

describe('SessionSimulator, the end of a guided scenario', () => {
  test('shows the summary, the lesson and the next scenario at the last step only, and announces it', async () => {
    const user = userEvent.setup();
    const total = submissionScenario.steps.length;
    render(SessionSimulator, { props: { scenario: 'test-submission', startStep: total - 1, end } });
    await screen.findByRole('log');
    expect(screen.queryByText('Scenario complete')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Next step' }));
    const section = await screen.findByRole('region', { name: 'Scenario complete' });
    expect(section.textContent).toContain('AUTH before and after STARTTLS.');
    expect(screen.getByRole('link', { name: 'Lesson 3: SMTP' }).getAttribute('href')).toBe('/lessons/smtp/');
    expect(screen.getByRole('link', { name: 'Logging in with AUTH LOGIN' }).getAttribute('href')).toBe('/scenarios/smtp-auth-login/');
    await vi.waitFor(() => expect(screen.getByText(`Scenario complete: all ${total} steps played.`)).toBeTruthy());
    await user.click(screen.getByRole('button', { name: 'Previous step' }));
    expect(screen.queryByRole('region', { name: 'Scenario complete' })).toBeNull();
  });

  test('shows nothing at the end without an end from the build', async () => {
    const user = userEvent.setup();
    render(SessionSimulator, { props: { scenario: 'test-submission', startStep: submissionScenario.steps.length - 1 } });
    await screen.findByRole('log');
    await user.click(screen.getByRole('button', { name: 'Next step' }));
    expect(screen.queryByText('Scenario complete')).toBeNull();
  });
});
