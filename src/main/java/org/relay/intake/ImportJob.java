package org.relay.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.hibernate.annotations.DynamicUpdate;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;

/** One CSV import (or dry run) and its progress, updated after every batch. */
@Entity
@DynamicUpdate
public class ImportJob {

    public enum Status {
        STAGING,
        IMPORTING,
        DONE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String fileName;

    @Column(nullable = false)
    private String sourceChannel;

    private String campaign;

    private boolean dryRun;

    /** Its leads are announced in digest mails per window (relay.imports.digest), not one mail per lead. */
    private boolean mailDigest;

    @Column(nullable = false)
    private String requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.STAGING;

    private int totalRows;

    /** How many lanes the rows were spread over when staged (1 for imports staged before lanes). */
    private int lanes = 1;
    private int processedRows;
    private int importedRows;
    private int duplicateRows;
    private int failedRows;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant finishedAt;

    protected ImportJob() {
    }

    ImportJob(String fileName, String sourceChannel, String campaign, boolean dryRun, String requestedBy,
              Instant createdAt) {
        this.fileName = fileName;
        this.sourceChannel = sourceChannel;
        this.campaign = campaign;
        this.dryRun = dryRun;
        this.requestedBy = requestedBy;
        this.createdAt = createdAt;
    }

    void announceInDigests(boolean digest) {
        this.mailDigest = digest;
    }

    void staged(int totalRows, int lanes) {
        this.totalRows = totalRows;
        this.lanes = lanes;
        this.status = Status.IMPORTING;
    }

    void finished(Instant at) {
        this.status = Status.DONE;
        this.finishedAt = at;
    }

    public int percent() {
        return totalRows == 0 ? (status == Status.DONE ? 100 : 0) : (int) Math.floor(100.0 * processedRows / totalRows);
    }

    public Long getId() { return id; }
    public String getFileName() { return fileName; }
    public String getSourceChannel() { return sourceChannel; }
    public String getCampaign() { return campaign; }
    public boolean isDryRun() { return dryRun; }
    public boolean isMailDigest() { return mailDigest; }
    public String getRequestedBy() { return requestedBy; }
    public Status getStatus() { return status; }
    public int getTotalRows() { return totalRows; }
    public int getLanes() { return lanes; }
    public int getProcessedRows() { return processedRows; }
    public int getImportedRows() { return importedRows; }
    public int getDuplicateRows() { return duplicateRows; }
    public int getFailedRows() { return failedRows; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getFinishedAt() { return finishedAt; }
}
