"use client";
// Confirmation before an irreversible step: a button that opens an alert dialog.
//
// The browser's own modal <dialog> (showModal: the top layer, the rest of the page inert, Escape),
// portalled to <body> so a dialog opened from inside a form is not part of that form. It replaced
// Radix's AlertDialog, which was 12.5 kB gzip of every page with a confirmation.
import {
  cloneElement,
  isValidElement,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
} from "react";
import { createPortal } from "react-dom";
import { Button, buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

type TriggerProps = { onClick?: (event: MouseEvent<HTMLElement>) => void };

export function ConfirmDialog({
  trigger,
  open: controlledOpen,
  onOpenChange,
  title,
  description,
  confirmLabel,
  destructive = false,
  onConfirm,
  children,
}: {
  /** The button that opens it; omit and pass `open`/`onOpenChange` to open it from code. */
  trigger?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  /** Return false to keep the dialog open (e.g. the server refused). */
  onConfirm: () => Promise<boolean | void> | boolean | void;
  children?: ReactNode;
}) {
  const [uncontrolledOpen, setUncontrolledOpen] = useState(false);
  const open = controlledOpen ?? uncontrolledOpen;
  const setOpen = onOpenChange ?? setUncontrolledOpen;
  const [pending, setPending] = useState(false);
  const id = useId();
  // Focus goes back where it was (the trigger, usually) when the dialog closes.
  const returnFocus = useRef<HTMLElement | null>(null);
  const show = useCallback((node: HTMLDialogElement | null) => {
    if (!node || node.open) return;
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    node.showModal();
  }, []);
  useEffect(() => {
    if (open || !returnFocus.current) return;
    returnFocus.current.focus();
    returnFocus.current = null;
  }, [open]);

  const opener = isValidElement<TriggerProps>(trigger)
    ? cloneElement(trigger as ReactElement<TriggerProps & { "aria-haspopup"?: string; "aria-expanded"?: boolean }>, {
        "aria-haspopup": "dialog",
        "aria-expanded": open,
        onClick: (event: MouseEvent<HTMLElement>) => {
          trigger.props.onClick?.(event);
          if (!event.defaultPrevented) setOpen(true);
        },
      })
    : trigger;

  return (
    <>
      {opener}
      {open && typeof document !== "undefined"
        ? createPortal(
            <dialog
              ref={show}
              role="alertdialog"
              aria-modal="true"
              aria-labelledby={`${id}-title`}
              aria-describedby={`${id}-description`}
              // Escape closes it, as Cancel does, unless the step is under way.
              onCancel={(event) => {
                event.preventDefault();
                if (!pending) setOpen(false);
              }}
              className="m-auto grid max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-md grid-rows-[auto_minmax(0,1fr)_auto] gap-4 rounded-lg border border-line bg-white p-6 text-ink shadow-lg backdrop:bg-slate-900/40"
            >
              <h2 id={`${id}-title`} className="text-lg font-semibold">
                {title}
              </h2>
              {/* Long content scrolls inside; the buttons always stay on screen. */}
              <div className="grid min-h-0 gap-4 overflow-y-auto break-words">
                <div id={`${id}-description`} className="text-sm text-muted">
                  {description}
                </div>
                {children}
              </div>
              <div className="flex flex-wrap justify-end gap-2">
                <button type="button" className={buttonVariants({ variant: "secondary" })} disabled={pending} onClick={() => setOpen(false)}>
                  Cancel
                </button>
                <Button
                  type="button"
                  className={cn(destructive && buttonVariants({ variant: "destructive" }))}
                  disabled={pending}
                  onClick={async () => {
                    setPending(true);
                    try {
                      const keepOpen = (await onConfirm()) === false;
                      if (!keepOpen) setOpen(false);
                    } finally {
                      setPending(false);
                    }
                  }}
                >
                  {pending ? "Working…" : confirmLabel}
                </Button>
              </div>
            </dialog>,
            document.body,
          )
        : null}
    </>
  );
}
