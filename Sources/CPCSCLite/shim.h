#include <PCSC/winscard.h>
#include <PCSC/reader.h>

/* Function-like macros and address-of macros are not imported into Swift; these constants carry
   their values with the header's own types (DWORD is 64-bit `unsigned long` on Linux). */
static const DWORD CCCD_SCARD_ATTR_MAXINPUT = SCARD_ATTR_MAXINPUT;
static const DWORD CCCD_SCARD_ATTR_VENDOR_IFD_TYPE = SCARD_ATTR_VENDOR_IFD_TYPE;
