package org.conversionkit.spec;

/**
 * One case: {@code id} (unique in its file), {@code why} (what it shows, and where it comes from), and the keys
 * its file's description names, usually {@code input} ({@link SpecInput}), {@code options} and {@code expect}.
 */
public final class SpecCase {

    private final SpecFile file;
    private final Node node;
    private final String id;

    SpecCase(SpecFile file, Node node) {
        this.file = file;
        this.node = node;
        this.id = node.text("id");
    }

    /**
     * Returns the case's id.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * Returns why the case is there.
     *
     * @return the text, or {@code ""}
     */
    public String why() {
        return node.text("why", "");
    }

    /**
     * Returns the file the case is in.
     *
     * @return the file
     */
    public SpecFile file() {
        return file;
    }

    /**
     * Returns the whole case.
     *
     * @return its node
     */
    public Node node() {
        return node;
    }

    /**
     * Returns whether the case has a key.
     *
     * @param key the key
     * @return whether it is there
     */
    public boolean has(String key) {
        return node.has(key);
    }

    /**
     * Returns the value of a key of the case.
     *
     * @param key the key
     * @return its value
     */
    public Node get(String key) {
        return node.get(key);
    }

    /**
     * Returns the case's options, an empty object when it has none.
     *
     * @return the options
     */
    public Node options() {
        return node.getOrEmpty("options");
    }

    /**
     * Returns what the case expects.
     *
     * @return the expectations
     */
    public Node expect() {
        return node.get("expect");
    }

    /**
     * Returns the case's input ({@code input}).
     *
     * @return the input
     */
    public SpecInput input() {
        return SpecInput.of(node.get("input"), file.directory());
    }

    /** Returns the id: the name of the case in a test's report. */
    @Override
    public String toString() {
        return id;
    }
}
