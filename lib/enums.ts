// Re-exported so components/ can use the domain's enums without reaching into db/.
export * from "@/db/enums";
