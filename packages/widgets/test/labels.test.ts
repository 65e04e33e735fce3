import './helpers/lit-warnings.js';
import '../src/define.js';
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { litWarnings } from './helpers/lit-warnings.js';

// Every element's `label` comes from the page (often from a feed: a queue or team name), so it must
// be text wherever it lands: the `label` part, and the accessible name of the element's role.
const HOSTILE_LABELS = [
  '<img src=x onerror=alert(1)>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=alert(1)>',
  '</span><b id="injected">bold</b><span>',
  '<script>window.__pwned=1</script>',
  // A template placeholder and a template-engine expression, meant literally.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the point
  "{{7*7}} ${alert(1)} ' OR 1=1 --",
];

/** Each tag, the role its base carries (null: none), and the properties that give it something to show. */
const TAGS: ReadonlyArray<{ tag: string; role: string | null; props?: Record<string, unknown> }> = [
  { tag: 'wb-board', role: null },
  { tag: 'wb-sl-gauge', role: 'meter', props: { value: 0.82, target: 0.8 } },
  { tag: 'wb-metric', role: 'group', props: { value: 12 } },
  { tag: 'wb-queue-tile', role: 'group', props: { waiting: 3, serviceLevel: 0.9 } },
  { tag: 'wb-clock', role: 'group', props: { time: Date.UTC(2026, 2, 2, 9, 41), timeZone: 'UTC' } },
  { tag: 'wb-ticker', role: 'region', props: { static: true, messages: ['Huddle at 14:00'] } },
  { tag: 'wb-interval-chart', role: 'figure' },
  { tag: 'wb-abandon-chart', role: 'figure' },
  { tag: 'wb-agent-board', role: 'group', props: { time: 0, agents: [] } },
  { tag: 'wb-staffing', role: 'group', props: { agentsNeeded: 10, agentsStaffed: 9 } },
];

/** The accessible name from `aria-labelledby` (as the accname algorithm takes it) or `aria-label`. */
function accessibleName(el: Element): string | null {
  const ids = el.getAttribute('aria-labelledby');
  if (ids) {
    const root = el.getRootNode() as ShadowRoot;
    return ids
      .split(/\s+/)
      .map((id) => root.getElementById(id)?.textContent ?? '')
      .join(' ');
  }
  return el.getAttribute('aria-label');
}

describe('hostile labels', () => {
  let alerted = 0;
  const alert = window.alert;
  before(() => {
    window.alert = () => {
      alerted++;
    };
  });
  after(() => {
    window.alert = alert;
  });

  for (const { tag, role, props } of TAGS) {
    it(`${tag} renders every hostile label as text, names itself by it, and follows changes`, async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown> };
      Object.assign(el, props);
      el.setAttribute('label', HOSTILE_LABELS[0]);
      host.append(el);
      for (const label of HOSTILE_LABELS) {
        el.setAttribute('label', label);
        await elementUpdated(el);
        await el.updateComplete;
        const root = el.shadowRoot!;
        const parts = root.querySelectorAll('[part~="label"]');
        expect(parts, `${tag}: one label part`).to.have.length(1);
        expect(parts[0].textContent, `${tag}::part(label)`).to.equal(label);
        expect(parts[0].children, `${tag}: no element inside the label`).to.have.length(0);
        expect(root.querySelector('img, script, svg[onload], b#injected, [onerror], [onload]')).to.equal(
          null,
        );
        if (role) {
          const base = root.querySelector('[part~="base"]')!;
          expect(base.getAttribute('role'), `${tag} role`).to.equal(role);
          expect(accessibleName(base), `${tag} accessible name`).to.equal(label);
        }
      }
      // Let any handler that could have been injected run before checking.
      await new Promise((r) => setTimeout(r, 50));
      expect(alerted, 'alert() ran').to.equal(0);
      expect((window as unknown as { __pwned?: number }).__pwned, 'injected script ran').to.equal(undefined);
    });
  }

  it('logs no Lit dev-mode warnings', () => {
    expect(litWarnings()).to.deep.equal([]);
  });
});
