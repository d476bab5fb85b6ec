// Every operation the portal offers, by name. The authorization-matrix test walks
// this list, so a new operation is covered as soon as it is registered here.
import type { Operation } from "@/lib/actions/operation";
import { changePassword } from "@/lib/accounts/sessions";
import { approveOpportunity, askForMarkup, cancelDiscountRequest, extendDealOffer, provideMarkup, registerOpportunity, rejectOpportunity } from "@/lib/deals/service";
import { acceptInvitation, declineInvitation, lookupPartner, revokeAuthorization, sendInvitation } from "@/lib/invitations/service";
import { acceptOffer, cloneOffer, extendOffer, saveOfferDraft, withdrawOffer } from "@/lib/offers/service";
import { payBill, recordBankTransfer } from "@/lib/billing/payments";
import { startBillingRun, startDisbursementRun } from "@/lib/billing/service";
import { updateFeeSchedule } from "@/lib/fees/service";
import { pauseScheduledJob, resumeScheduledJob } from "@/lib/jobs/service";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";
import { setEmailPreferences } from "@/lib/outbox/service";
import { createWebhookEndpoint, deleteWebhookEndpoint, resendDelivery, rotateWebhookSecret } from "@/lib/outbox/webhooks";
import { createProduct, updateProduct } from "@/lib/products/service";
import { saveBanking, saveProfile, saveTax } from "@/lib/sellers/service";

export const OPERATIONS: Record<string, Operation<unknown>> = {
  saveProfile,
  saveBanking,
  saveTax,
  createProduct,
  updateProduct,
  sendInvitation,
  lookupPartner,
  acceptInvitation,
  declineInvitation,
  revokeAuthorization,
  saveOfferDraft,
  extendOffer,
  withdrawOffer,
  cloneOffer,
  acceptOffer,
  registerOpportunity,
  approveOpportunity,
  rejectOpportunity,
  askForMarkup,
  provideMarkup,
  extendDealOffer,
  cancelDiscountRequest,
  payBill,
  recordBankTransfer,
  startBillingRun,
  startDisbursementRun,
  updateFeeSchedule,
  pauseScheduledJob,
  resumeScheduledJob,
  changePassword,
  setEmailPreferences,
  createApiKey,
  revokeApiKey,
  createWebhookEndpoint,
  rotateWebhookSecret,
  deleteWebhookEndpoint,
  resendDelivery,
};
