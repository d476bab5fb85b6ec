import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { cachingStatements } from "@/db/dialect/sqlite/client";

describe("the SQLite statement cache drizzle reads through", () => {
  const open: Database.Database[] = [];
  const connection = () => {
    const db = new Database(":memory:");
    open.push(db);
    db.exec("create table t (id integer primary key, name text); insert into t (name) values ('a'), ('b')");
    return db;
  };
  afterEach(() => open.splice(0).forEach((db) => db.close()));

  it("compiles each SQL text once", () => {
    const client = cachingStatements(connection());
    const first = client.prepare("select name from t order by id");
    expect(client.prepare("select name from t order by id")).toBe(first);
    expect(client.prepare("select id from t order by id")).not.toBe(first);
  });

  it("hands a kept statement out in object mode, whatever mode its last user left it in", () => {
    const client = cachingStatements(connection());
    expect(client.prepare("select id, name from t order by id").raw().all()).toEqual([[1, "a"], [2, "b"]]);
    expect(client.prepare("select id, name from t order by id").all()).toEqual([{ id: 1, name: "a" }, { id: 2, name: "b" }]);
    expect(client.prepare("select id, name from t order by id").raw().get()).toEqual([1, "a"]);
  });

  it("keeps write statements too, and they see the data as it is now", () => {
    const db = connection();
    const client = cachingStatements(db);
    const insert = "insert into t (name) values (?)";
    client.prepare(insert).run("c");
    client.prepare(insert).run("d");
    expect(client.prepare("select count(*) as n from t").get()).toEqual({ n: 4 });
    db.exec("delete from t where name = 'a'");
    expect(client.prepare("select count(*) as n from t").get()).toEqual({ n: 3 });
  });

  it("drops the least recently used statement past its capacity", () => {
    const client = cachingStatements(connection(), 2);
    const a = client.prepare("select 1");
    const b = client.prepare("select 2");
    expect(client.prepare("select 1")).toBe(a); // now the most recently used
    client.prepare("select 3"); // evicts "select 2"
    expect(client.prepare("select 1")).toBe(a);
    expect(client.prepare("select 2")).not.toBe(b);
  });
});
