package dev.warden.advise.service;

import dev.warden.inventory.Inventory;
import dev.warden.inventory.Scan;
import dev.warden.inventory.ScanKind;
import dev.warden.store.Store;
import java.util.List;

/** Fixtures the advisory tests of other packages share with {@link AdvisoryServiceContract}. */
public final class AdvisoryServiceContractSupport {
    private AdvisoryServiceContractSupport() {
    }

    /** Records a discovery of two Zavio cameras the CISA advisory ICSA-23-304-03 lists: .11 CF7500, .12 CF7300. */
    public static void discoverZavio(Store store) {
        long at = 1_780_000_000_000L;
        new Inventory(store).recordDiscovery(Scan.of(ScanKind.DISCOVER, "127.77.170.0/24", at - 1000, at), List.of(
                AdvisoryServiceContract.camera("127.77.170.11", "Zavio", "CF7500", "M2.1.6.05"),
                AdvisoryServiceContract.camera("127.77.170.12", "Zavio", "CF7300", "M2.1.6.05")), ip -> true);
    }

    /** See {@link AdvisoryServiceContract#revisionWithout}. */
    public static byte[] revisionWithout(byte[] v1, String productId) {
        return AdvisoryServiceContract.revisionWithout(v1, productId);
    }
}
