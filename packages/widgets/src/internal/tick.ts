import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Requests a host update at each wall-clock boundary of `periodMs` (each second or minute) while
 * running and connected, aligned to the boundary so a clock turns over on time.
 */
export class TickController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #periodMs: number;
  #running = false;
  #connected = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, periodMs: number) {
    this.#host = host;
    this.#periodMs = periodMs;
    host.addController(this);
  }

  /** Starts or stops ticking, and sets the period; cheap to call from every `willUpdate`. */
  set(running: boolean, periodMs: number): void {
    if (running === this.#running && periodMs === this.#periodMs) return;
    this.#running = running;
    this.#periodMs = periodMs;
    this.#schedule();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#schedule();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#schedule();
  }

  #schedule(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#running || !this.#connected) return;
    const now = Date.now();
    const next = Math.floor(now / this.#periodMs) * this.#periodMs + this.#periodMs;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#host.requestUpdate();
        this.#schedule();
      },
      next - now + 5,
    );
  }
}
