// State of the export dialog: the choices, the options they make, the running export with its
// progress and cancellation, and the last result's messages.
import type { ExportResult, ExportSource } from '../../export/exportImage';
import { planRaster } from '../../export/limits';
import {
  DEFAULT_OPTIONS,
  DEFAULT_PAPER,
  checkOptions,
  type Background,
  type ExportFormat,
  type ExportOptions,
  type Orientation,
  type Paper,
} from '../../export/options';
import type { SceneScope } from '../../render/scene';

export type SizeMode = 'scale' | 'pixels' | 'paper';

export class ExportDialogState {
  open = $state(false);
  format = $state<ExportFormat>(DEFAULT_OPTIONS.format);
  scope = $state<SceneScope>(DEFAULT_OPTIONS.scope);
  sizeMode = $state<SizeMode>('scale');
  scale = $state(2);
  width = $state<number | undefined>(2400);
  height = $state<number | undefined>(undefined);
  paper = $state<Paper>(DEFAULT_PAPER.paper);
  orientation = $state<Orientation>(DEFAULT_PAPER.orientation);
  dpi = $state(DEFAULT_PAPER.dpi);
  background = $state<Background>(DEFAULT_OPTIONS.background);
  showTitle = $state(true);
  /** The title to draw; '' until the user types one means the graph's title. */
  title = $state('');
  legend = $state(DEFAULT_OPTIONS.legend);
  caption = $state(DEFAULT_OPTIONS.caption);
  date = $state(DEFAULT_OPTIONS.date);
  pdfRaster = $state(false);

  busy = $state(false);
  progress = $state(0);
  error = $state('');
  /** What the last export produced, e.g. "Saved … (2400 × 1600 px)" and any size notes. */
  messages = $state<string[]>([]);
  #abort: AbortController | undefined;

  /** PDF is made for a page; the other formats choose a scale, pixels, or a page too. */
  readonly effectiveSizeMode: SizeMode = $derived(this.format === 'pdf' ? 'paper' : this.sizeMode);
  readonly transparentAllowed: boolean = $derived(this.format === 'png' || this.format === 'svg');

  readonly options: ExportOptions = $derived.by(() => {
    const mode = this.effectiveSizeMode;
    const o: ExportOptions = {
      format: this.format,
      scope: this.scope,
      size:
        mode === 'scale'
          ? { mode, scale: this.scale }
          : mode === 'pixels'
            ? {
                mode,
                ...(this.width ? { width: this.width } : {}),
                ...(this.height ? { height: this.height } : {}),
              }
            : { mode, paper: this.paper, orientation: this.orientation, dpi: this.dpi },
      background: this.background === 'transparent' && !this.transparentAllowed ? 'white' : this.background,
      title: this.showTitle ? this.title.trim() || undefined : '',
      legend: this.legend,
      caption: this.caption,
      date: this.date,
      ...(this.format === 'pdf' && this.pdfRaster ? { pdfRaster: true } : {}),
    };
    if (o.title === undefined) delete o.title;
    return o;
  });

  readonly problems: string[] = $derived(checkOptions(this.options).map((p) => p.message));

  show(): void {
    this.error = '';
    this.messages = [];
    this.open = true;
  }

  close(): void {
    this.cancel();
    this.open = false;
  }

  cancel(): void {
    this.#abort?.abort();
  }

  /** For the size line under the preview: pixels, and a warning when the size will be capped. */
  sizeNote(pixelWidth: number, pixelHeight: number): { text: string; warning: string } {
    if (this.format === 'pdf' && !this.pdfRaster)
      return { text: 'Vector PDF: sharp at any zoom', warning: '' };
    if (this.format === 'svg') return { text: `${pixelWidth} × ${pixelHeight} px, vector`, warning: '' };
    const plan = planRaster(pixelWidth, pixelHeight);
    return { text: `${plan.width} × ${plan.height} px`, warning: plan.note ?? '' };
  }

  /** Runs an export; resolves to its result, or undefined when it failed or was cancelled. */
  async run(source: ExportSource): Promise<ExportResult | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    this.progress = 0;
    this.error = '';
    this.messages = [];
    this.#abort = new AbortController();
    try {
      const { exportImage } = await import('../../export/exportImage');
      const result = await exportImage(source, this.options, {
        signal: this.#abort.signal,
        onProgress: (f) => (this.progress = f),
      });
      this.messages = result.notes;
      return result;
    } catch (err) {
      const e = err as { code?: string; message?: string };
      this.error = e.code === 'cancelled' ? 'Export cancelled.' : (e.message ?? String(err));
      return undefined;
    } finally {
      this.busy = false;
      this.#abort = undefined;
    }
  }
}
