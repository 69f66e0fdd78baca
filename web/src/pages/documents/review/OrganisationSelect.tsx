// An organisation of the user's scope, searched on the server (GET /api/organisations?q=, with or
// without diacritics) as the officer types.
import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useState } from "react";
import { api, unwrap } from "../../../api/client.ts";

export function OrganisationSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | null;
  onChange(id: number | null): void;
}) {
  const [q, setQ] = useState("");
  const found = useQuery({
    queryKey: ["organisations", "search", q],
    placeholderData: (previous) => previous,
    staleTime: 60_000,
    queryFn: () =>
      unwrap(api.GET("/api/organisations", { params: { query: { q: q || undefined, pageSize: 20 } } })),
  });
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setQ }}
      aria-label={label}
      placeholder={label}
      allowClear
      style={{ flex: 1, minWidth: 0 }}
      value={value ?? undefined}
      loading={found.isFetching}
      onChange={(v) => onChange(v ?? null)}
      options={(found.data?.items ?? [])
        .filter((o) => o.inForce && !o.isGroup)
        .map((o) => ({ value: o.id, label: o.name }))}
      data-testid="organisation-select"
    />
  );
}
