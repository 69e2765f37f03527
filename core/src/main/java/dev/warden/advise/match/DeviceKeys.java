package dev.warden.advise.match;

import dev.warden.advise.version.Version;
import dev.warden.model.Device;

/**
 * A device with what matching compares already normalised, so that it is normalised once and not once per advisory
 * product.
 *
 * @param device    the device as the inventory has it (reasons quote its vendor and model as written)
 * @param vendorKey its vendor key ({@link VendorRules#vendorKey}), "" when it has no vendor
 * @param model     its model without a hardware revision suffix, reduced ({@link ModelName#ofDevice})
 * @param hardware  its hardware revision key ({@link ProductRule#hardwareKey}), from the device or the model's
 *                  {@code V<n>} suffix; null when unknown
 * @param firmware  its firmware version, null when unknown or unreadable
 */
record DeviceKeys(Device device, String vendorKey, ModelName model, String hardware, Version firmware) {
}
