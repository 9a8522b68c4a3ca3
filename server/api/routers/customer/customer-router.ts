/** Customers (read-only: order capture creates them): the list with search, and one customer with their addresses and orders. */
import { roleProcedure, router } from "@/server/api/trpc";
import { customerDetailOutput, customerListOutput } from "@/server/api/routers/customer/customer-schemas";
import { CUSTOMER_READ_ROLES } from "@/server/services/customer/customer-roles";
import { getCustomer, getCustomerInput } from "@/server/services/customer/get-customer";
import { listCustomers, listCustomersInput } from "@/server/services/customer/list-customers";

const readProcedure = roleProcedure(...CUSTOMER_READ_ROLES);

export const customerRouter = router({
  list: readProcedure.input(listCustomersInput).output(customerListOutput).query(({ input }) => listCustomers(input)),
  get: readProcedure.input(getCustomerInput).output(customerDetailOutput).query(({ input }) => getCustomer(input)),
});
