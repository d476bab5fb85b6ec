"use server";
import { runOperation } from "@/lib/actions/run";
import { createProduct, updateProduct } from "@/lib/products/service";

export async function createProductAction(raw: unknown) {
  return runOperation(createProduct, raw, ["/vendor/products"]);
}

export async function updateProductAction(raw: unknown) {
  return runOperation(updateProduct, raw, ["/vendor/products"]);
}
