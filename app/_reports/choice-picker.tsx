"use client";
// A report filter over a list that can be long (a marketplace's partners, a partner's products): a
// text box that finds by name or account id. The page carries only the chosen value; the lists
// arrive from /api/reports/choices when a picker is first opened, once for all of the form's pickers.
// The chosen id is what the form submits (a hidden input), so the filters stay in the URL.
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { formatAccountId } from "@/lib/account-id";
import { loadOnce } from "@/lib/load-once";
import { matchChoices, type Choice, type ChoiceKind } from "@/lib/reports/choices";
import { cn } from "@/lib/utils";

const loadChoices = loadOnce(async (): Promise<Record<ChoiceKind, Choice[]>> => {
  const response = await fetch("/api/reports/choices", { credentials: "same-origin", headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`choices: ${response.status}`);
  return response.json();
});

export function ChoicePicker({
  name,
  label,
  all,
  kind,
  chosen,
  showAccount,
}: {
  name: string;
  label: string;
  all: string;
  kind: ChoiceKind;
  chosen: Choice | null;
  showAccount?: boolean;
}) {
  const listId = useId();
  const shown = (c: Choice | null) => (c ? (showAccount ? `${c.name} (${formatAccountId(c.id)})` : c.name) : "");
  const [value, setValue] = useState(chosen);
  const [text, setText] = useState(shown(chosen));
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [choices, setChoices] = useState<Choice[] | null>(null);
  const [failed, setFailed] = useState(false);

  const { shown: matches, total } = useMemo(() => matchChoices(choices ?? [], query), [choices, query]);
  // The first option clears the filter.
  const options: Choice[] = [{ id: "", name: all }, ...matches];
  // Typing points at the first match; when nothing matches (or the list is still loading) "All" is the one.
  const current = Math.min(active, options.length - 1);
  const status = failed
    ? "The list could not be loaded. Close it and open it again to retry."
    : !choices
      ? "Loading…"
      : total === 0
        ? "Nothing matches."
        : total > matches.length
          ? `${matches.length} of ${total.toLocaleString("en-US")} shown — type to narrow.`
          : null;

  function openList() {
    setOpen(true);
    setQuery("");
    setActive(0);
    if (choices) return;
    setFailed(false);
    loadChoices().then(
      (lists) => setChoices(lists[kind] ?? []),
      () => setFailed(true),
    );
  }
  function close() {
    setOpen(false);
    setText(shown(value));
  }
  function pick(choice: Choice) {
    const next = choice.id ? choice : null;
    setValue(next);
    setText(shown(next));
    setOpen(false);
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return openList();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current + step + options.length) % options.length);
    } else if (event.key === "Enter" && open) {
      // Choosing, not submitting the form.
      event.preventDefault();
      const choice = options[current];
      if (choice) pick(choice);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    }
  }

  return (
    <div className="relative">
      <input type="hidden" name={name} value={value?.id ?? ""} />
      <input
        id={`report-${name}`}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${current}` : undefined}
        autoComplete="off"
        placeholder={all}
        value={text}
        onFocus={openList}
        onClick={() => (open ? undefined : openList())}
        onBlur={close}
        onKeyDown={onKeyDown}
        onChange={(event) => {
          setText(event.target.value);
          setQuery(event.target.value);
          setActive(event.target.value.trim() ? 1 : 0);
          if (!open) setOpen(true);
        }}
        className="h-9 w-56 rounded-md border border-line bg-white px-2 text-sm"
      />
      {open ? (
        <ul id={listId} role="listbox" aria-label={`${label} choices`} className="absolute left-0 z-20 mt-1 max-h-72 w-80 overflow-y-auto rounded-md border border-line bg-white py-1 text-sm shadow-lg">
          {options.map((choice, i) => (
            <li
              key={choice.id || "all"}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              onMouseDown={(event) => {
                event.preventDefault(); // keep the focus in the box
                pick(choice);
              }}
              onMouseEnter={() => setActive(i)}
              className={cn("cursor-pointer px-2 py-1.5", i === current && "bg-brand-50", choice.id === (value?.id ?? "") && "font-medium")}
            >
              {choice.id ? shown(choice) : choice.name}
            </li>
          ))}
          {status ? (
            <li role="presentation" aria-live="polite" className="px-2 py-1.5 text-xs text-muted">
              {status}
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
