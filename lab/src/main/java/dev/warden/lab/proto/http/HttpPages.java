package dev.warden.lab.proto.http;

/** The plain error pages the lab's web servers send when a route set gives none of its own. */
final class HttpPages {
    private HttpPages() {
    }

    /** A minimal HTML error page, as embedded web servers send. */
    static String page(int status, String reason) {
        return "<html><head><title>" + status + " " + reason + "</title></head><body><h1>" + status + " " + reason
                + "</h1></body></html>\n";
    }
}
