/**
 * Customers: the list with search, one customer with their addresses, orders and
 * edit history (whoever works with orders); OPERATOR and ADMIN correct a
 * customer's name, phone and CPF/CNPJ (order capture creates customers), and
 * hand a corrected field back to the channels (followChannel).
 */
import { roleProcedure, router } from "@/server/api/trpc";
import { customerDetailOutput, customerFollowsChannelOutput, customerListOutput, customerUpdatedOutput } from "@/server/api/routers/customer/customer-schemas";
import { followChannelInput, updateCustomerInput } from "@/server/services/customer/customer-inputs";
import { followChannel } from "@/server/services/customer/follow-channel";
import { CUSTOMER_EDIT_ROLES, CUSTOMER_READ_ROLES } from "@/server/services/customer/customer-roles";
import { getCustomer, getCustomerInput } from "@/server/services/customer/get-customer";
import { listCustomers, listCustomersInput } from "@/server/services/customer/list-customers";
import { updateCustomer } from "@/server/services/customer/update-customer";

const readProcedure = roleProcedure(...CUSTOMER_READ_ROLES);
const editProcedure = roleProcedure(...CUSTOMER_EDIT_ROLES);

export const customerRouter = router({
  list: readProcedure.input(listCustomersInput).output(customerListOutput).query(({ input }) => listCustomers(input)),
  get: readProcedure.input(getCustomerInput).output(customerDetailOutput).query(({ input }) => getCustomer(input)),
  update: editProcedure.input(updateCustomerInput).output(customerUpdatedOutput).mutation(({ ctx, input }) => updateCustomer({ actor: ctx.user, input })),
  followChannel: editProcedure
    .input(followChannelInput)
    .output(customerFollowsChannelOutput)
    .mutation(({ ctx, input }) => followChannel({ actor: ctx.user, input })),
});
