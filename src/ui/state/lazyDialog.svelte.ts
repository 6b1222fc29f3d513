// A dialog whose code loads on first use (the Export and Save data dialogs): its button asks for it
// before the dialog is there, and the dialog, once mounted, hands back how to open it.
export class LazyDialog {
  /** The dialog was asked for: mount it (its import starts then). */
  requested = $state(false);
  #show: (() => void) | undefined;

  /** Opens the dialog, loading it first if it never was. */
  open = (): void => {
    if (this.#show) this.#show();
    else this.requested = true;
  };

  /** For the dialog once mounted: how to open it. It opens at once, for the request that loaded it. */
  register = (show: () => void): void => {
    this.#show = show;
    show();
  };
}
