// @vitest-environment jsdom
/** The simulator's predict option (a teacher's choice): offered by default, required, or off; and a full run's summary. */
import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import SessionSimulator from '../../src/components/widgets/SessionSimulator.svelte';
import { PROGRESS_KEY } from '../../src/components/course/progress-store.ts';
import { submissionScenario } from '../machines/scenario-player.fixture.ts';

vi.mock('../../src/components/widgets/scenarios.ts', () => ({
  scenarioIds: ['test-submission'],
  loadScenario: async (id: string) => (id === 'test-submission' ? submissionScenario : undefined),
}));

afterEach(() => {
  cleanup();
  localStorage.clear();
});

async function guided(props: Record<string, unknown> = {}) {
  const user = userEvent.setup();
  render(SessionSimulator, { props: { scenario: 'test-submission', ...props } });
  await screen.findByRole('log');
  return user;
}

const button = (name: string) => screen.getByRole('button', { name });
const where = () => screen.getByText(/^(Greeting \(step 0|Step \d+) of 6/).textContent;

/** Chooses `token` and presses Check. */
async function predict(user: ReturnType<typeof userEvent.setup>, token: string) {
  const panel = screen.getByRole('region', { name: 'Predict the reply' });
  await user.click(within(panel).getByRole('radio', { name: new RegExp(`^${token} `) }));
  await user.click(within(panel).getByRole('button', { name: 'Check' }));
}

describe('predict the reply in the simulator', () => {
  test('is offered by a toggle by default, which loads the panel and moves focus into it', async () => {
    const user = await guided();
    expect(screen.queryByRole('region', { name: 'Predict the reply' })).toBeNull();
    await user.click(button('Predict replies'));
    const panel = await screen.findByRole('region', { name: 'Predict the reply' });
    expect(within(panel).getByRole('group', { name: 'What will the server answer to EHLO laptop?' })).toBeTruthy();
    expect(within(panel).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['250', '501', '502', '550']);
    await vi.waitFor(() => expect(document.activeElement).toBe(within(panel).getAllByRole('radio')[0]));
    // Optional: Next step still just shows the reply.
    await user.click(button('Next step'));
    expect(where()).toBe('Step 1 of 6');
  });

  test('off: no toggle and no panel', async () => {
    await guided({ predict: 'off' });
    expect(screen.queryByRole('button', { name: 'Predict replies' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Predict the reply' })).toBeNull();
  });

  test('required: Next step and Play wait for each prediction; a full run ends with the count, saved on the device', async () => {
    const user = await guided({ predict: 'required' });
    const panel = await screen.findByRole('region', { name: 'Predict the reply' });
    expect(screen.queryByRole('button', { name: 'Predict replies' })).toBeNull();
    expect(button('Play').getAttribute('aria-disabled')).toBe('true');
    await vi.waitFor(() => expect(button('Next step').getAttribute('aria-disabled')).toBe('true'));
    await user.click(button('Next step'));
    expect(where()).toBe('Greeting (step 0 of 6)');
    // Right, wrong (530 is the real reply before TLS), then right to the end.
    for (const token of ['250', '235', '220', '250', '235', '221']) await predict(user, token);
    expect(where()).toBe('Step 6 of 6');
    expect(within(panel).getByText(/You predicted/).textContent).toBe('You predicted 5 of 6 replies right in this scenario.');
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY)!).predictions).toEqual({ 'test-submission': { score: 5, max: 6 } });
    // Predict again from the start: a new run, counted on top of the saved one.
    await user.click(within(panel).getByRole('button', { name: 'Predict again from the start' }));
    expect(where()).toBe('Greeting (step 0 of 6)');
    await predict(user, '501');
    expect(panel.querySelector('[data-result="wrong"]')?.textContent).toMatch(/Not this time:\s+you predicted 501; the server answered 250\./);
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY)!).predictions).toEqual({ 'test-submission': { score: 5, max: 7 } });
  });
});
