-- cramplog diary at schema revision 0002; PRAGMA application_id = 1129467216
BEGIN TRANSACTION;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO "alembic_version" VALUES('0002');
CREATE TABLE diary_days (
	id INTEGER NOT NULL, 
	night_of DATE NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	reviewed BOOLEAN NOT NULL, 
	fluids_l FLOAT, 
	exercise VARCHAR(12), 
	alcohol_units FLOAT, 
	caffeine_drinks INTEGER, 
	hot_or_sweating BOOLEAN, 
	long_standing BOOLEAN, 
	long_sitting BOOLEAN, 
	stretched_before_bed BOOLEAN, 
	stress INTEGER, 
	sleep_disturbance INTEGER, 
	minutes_awake INTEGER, 
	notes TEXT NOT NULL, 
	created_utc DATETIME NOT NULL, 
	updated_utc DATETIME NOT NULL, 
	CONSTRAINT pk_diary_days PRIMARY KEY (id), 
	CONSTRAINT ck_diary_days_fluids CHECK (fluids_l IS NULL OR fluids_l BETWEEN 0 AND 20), 
	CONSTRAINT ck_diary_days_exercise CHECK (exercise IS NULL OR exercise IN ('none', 'usual', 'hard', 'unaccustomed')), 
	CONSTRAINT ck_diary_days_alcohol CHECK (alcohol_units IS NULL OR alcohol_units BETWEEN 0 AND 100), 
	CONSTRAINT ck_diary_days_caffeine CHECK (caffeine_drinks IS NULL OR caffeine_drinks BETWEEN 0 AND 50), 
	CONSTRAINT ck_diary_days_stress CHECK (stress IS NULL OR stress BETWEEN 0 AND 10), 
	CONSTRAINT ck_diary_days_sleep CHECK (sleep_disturbance IS NULL OR sleep_disturbance BETWEEN 0 AND 10), 
	CONSTRAINT ck_diary_days_awake CHECK (minutes_awake IS NULL OR minutes_awake BETWEEN 0 AND 1440), 
	CONSTRAINT uq_diary_days_night_of UNIQUE (night_of), 
	CONSTRAINT uq_diary_days_uuid UNIQUE (uuid)
);
INSERT INTO "diary_days" VALUES(1,'2025-06-03','88dcda89-64e4-4082-bfce-74150d195d02',1,1.5,'hard',2.0,NULL,NULL,NULL,NULL,NULL,3,NULL,NULL,'Long walk in the heat','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "diary_days" VALUES(2,'2025-06-07','1dd302ba-d277-472c-895f-67b9b9995b71',1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "diary_days" VALUES(3,'2025-06-08','61225f08-13e6-4602-b535-5d9747cd4b91',1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
CREATE TABLE episode_reliefs (
	episode_id INTEGER NOT NULL, 
	code VARCHAR(120) NOT NULL, 
	rating VARCHAR(12), 
	CONSTRAINT pk_episode_reliefs PRIMARY KEY (episode_id, code), 
	CONSTRAINT ck_episode_reliefs_rating CHECK (rating IS NULL OR rating IN ('helped', 'a_little', 'not_helped')), 
	CONSTRAINT fk_episode_reliefs_episode_id_episodes FOREIGN KEY(episode_id) REFERENCES episodes (id) ON DELETE CASCADE, 
	CONSTRAINT fk_episode_reliefs_code_vocabulary FOREIGN KEY(code) REFERENCES vocabulary (code)
);
INSERT INTO "episode_reliefs" VALUES(2,'relief.stretch','helped');
INSERT INTO "episode_reliefs" VALUES(2,'custom.relief.f5f8fe13-899b-4a54-b65f-d7474e988728','a_little');
INSERT INTO "episode_reliefs" VALUES(3,'relief.stretch','helped');
CREATE TABLE episode_symptoms (
	episode_id INTEGER NOT NULL, 
	code VARCHAR(120) NOT NULL, 
	CONSTRAINT pk_episode_symptoms PRIMARY KEY (episode_id, code), 
	CONSTRAINT fk_episode_symptoms_episode_id_episodes FOREIGN KEY(episode_id) REFERENCES episodes (id) ON DELETE CASCADE, 
	CONSTRAINT fk_episode_symptoms_code_vocabulary FOREIGN KEY(code) REFERENCES vocabulary (code)
);
INSERT INTO "episode_symptoms" VALUES(2,'symptom.soreness_after');
CREATE TABLE episode_triggers (
	episode_id INTEGER NOT NULL, 
	code VARCHAR(120) NOT NULL, 
	CONSTRAINT pk_episode_triggers PRIMARY KEY (episode_id, code), 
	CONSTRAINT fk_episode_triggers_episode_id_episodes FOREIGN KEY(episode_id) REFERENCES episodes (id) ON DELETE CASCADE, 
	CONSTRAINT fk_episode_triggers_code_vocabulary FOREIGN KEY(code) REFERENCES vocabulary (code)
);
INSERT INTO "episode_triggers" VALUES(2,'trigger.dehydration');
INSERT INTO "episode_triggers" VALUES(2,'custom.trigger.dbb6665e-f04c-4eeb-863d-91c587be08c5');
CREATE TABLE episodes (
	id INTEGER NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	start_utc DATETIME NOT NULL, 
	utc_offset_min INTEGER NOT NULL, 
	start_local VARCHAR(19) NOT NULL GENERATED ALWAYS AS (strftime('%Y-%m-%d %H:%M:%S', start_utc, utc_offset_min || ' minutes')) STORED, 
	muscle VARCHAR(120) NOT NULL, 
	side VARCHAR(4) NOT NULL, 
	duration_s INTEGER, 
	intensity INTEGER, 
	woke_from_sleep BOOLEAN NOT NULL, 
	activity VARCHAR(120), 
	hydration VARCHAR(10), 
	notes TEXT NOT NULL, 
	to_review BOOLEAN NOT NULL, 
	created_utc DATETIME NOT NULL, 
	updated_utc DATETIME NOT NULL, 
	CONSTRAINT pk_episodes PRIMARY KEY (id), 
	CONSTRAINT ck_episodes_side CHECK (side IN ('left', 'right', 'both', 'n/a')), 
	CONSTRAINT ck_episodes_duration CHECK (duration_s IS NULL OR duration_s BETWEEN 1 AND 86400), 
	CONSTRAINT ck_episodes_intensity CHECK (intensity IS NULL OR intensity BETWEEN 0 AND 10), 
	CONSTRAINT ck_episodes_hydration CHECK (hydration IS NULL OR hydration IN ('well', 'normal', 'thirsty')), 
	CONSTRAINT ck_episodes_utc_offset CHECK (utc_offset_min BETWEEN -1080 AND 1080), 
	CONSTRAINT uq_episodes_uuid UNIQUE (uuid), 
	CONSTRAINT fk_episodes_muscle_vocabulary FOREIGN KEY(muscle) REFERENCES vocabulary (code), 
	CONSTRAINT fk_episodes_activity_vocabulary FOREIGN KEY(activity) REFERENCES vocabulary (code)
);
INSERT INTO "episodes" VALUES(1,'57c9e008-1e87-4efd-95e1-11dd1960b3bf','2025-06-03 02:10:00.000000',60,'muscle.calf','left',NULL,NULL,0,NULL,NULL,'',1,'2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "episodes" VALUES(2,'301a31c5-0cae-4ea7-9410-1cbfd080179c','2025-06-04 01:30:00.000000',60,'muscle.calf','right',150,7,1,'activity.asleep','thirsty','Woke at 02:30 — “the usual one”, <b>not</b> bold',0,'2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "episodes" VALUES(3,'32a72a8c-d53e-4247-bf3f-0d416833f424','2025-06-05 17:45:00.000000',60,'custom.muscle.0e7a7a9e-d43d-4c7a-8cd4-baeb5ec6e538','left',40,4,0,'activity.running',NULL,'',0,'2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "episodes" VALUES(4,'4c8c340b-c595-4637-9566-99aa7061ecaa','2025-06-06 00:00:00.000000',60,'muscle.foot','n/a',60,5,0,NULL,NULL,'',0,'2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
CREATE TABLE medications (
	id INTEGER NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	name TEXT NOT NULL, 
	dose TEXT NOT NULL, 
	started_on DATE, 
	stopped_on DATE, 
	taken_for VARCHAR(10) NOT NULL, 
	med_class VARCHAR(120), 
	notes TEXT NOT NULL, 
	created_utc DATETIME NOT NULL, 
	updated_utc DATETIME NOT NULL, 
	CONSTRAINT pk_medications PRIMARY KEY (id), 
	CONSTRAINT ck_medications_name CHECK (length(trim(name)) BETWEEN 1 AND 200), 
	CONSTRAINT ck_medications_taken_for CHECK (taken_for IN ('cramps', 'other')), 
	CONSTRAINT ck_medications_dates CHECK (stopped_on IS NULL OR started_on IS NULL OR stopped_on >= started_on), 
	CONSTRAINT uq_medications_uuid UNIQUE (uuid), 
	CONSTRAINT fk_medications_med_class_vocabulary FOREIGN KEY(med_class) REFERENCES vocabulary (code)
);
INSERT INTO "medications" VALUES(1,'83d6f356-3015-40a0-aad0-a53234e5cc5a','Atorvastatin','20 mg at night','2025-01-15',NULL,'other','medication_class.cholesterol','','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "medications" VALUES(2,'0945e54e-9ae3-4000-98c3-021c2603b29e','Magnesium','300 mg','2025-05-01','2025-06-01','cramps','medication_class.magnesium_supplement','','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
CREATE TABLE settings (
	"key" VARCHAR(60) NOT NULL, 
	value TEXT NOT NULL, 
	CONSTRAINT pk_settings PRIMARY KEY ("key")
);
INSERT INTO "settings" VALUES('checklist_sha256','32ece64ba856ff419645586d09df0eefd51784ce9e4e4639e322f7131136a74a');
INSERT INTO "settings" VALUES('day_boundary_hour','5');
CREATE TABLE vocabulary (
	code VARCHAR(120) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	label TEXT NOT NULL, 
	builtin BOOLEAN NOT NULL, 
	hidden BOOLEAN NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	created_utc DATETIME NOT NULL, 
	updated_utc DATETIME NOT NULL, 
	CONSTRAINT pk_vocabulary PRIMARY KEY (code), 
	CONSTRAINT ck_vocabulary_kind CHECK (kind IN ('muscle', 'activity', 'trigger', 'relief', 'symptom', 'warning', 'medication_class', 'risk_group')), 
	CONSTRAINT ck_vocabulary_label CHECK (length(trim(label)) BETWEEN 1 AND 200), 
	CONSTRAINT ck_vocabulary_code CHECK (length(code) > 0), 
	CONSTRAINT uq_vocabulary_uuid UNIQUE (uuid)
);
INSERT INTO "vocabulary" VALUES('muscle.calf','muscle','Calf',1,0,'1e3866a7-22e0-4831-9e66-63de6feb268d','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('muscle.foot','muscle','Foot or toes',1,0,'8e092649-8495-4065-975d-46a7bb35767f','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('muscle.hamstring','muscle','Hamstring',1,0,'63eeb7e7-2226-4128-a8c2-c4e1c208ae51','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('muscle.thigh','muscle','Thigh (quadriceps)',1,0,'6424d5c3-0d93-4a40-bfce-030a950c593b','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('muscle.hand','muscle','Hand or fingers',1,0,'542c2d42-f11e-4f08-8a3c-3be2b5d7372d','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('muscle.arm','muscle','Arm or forearm',1,0,'df4212a6-926a-46d2-8c1d-0c1a552736c4','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('muscle.shoulder','muscle','Shoulder',1,0,'b348fd5a-b001-4bca-ae15-5b70a385fd2e','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('muscle.abdomen','muscle','Abdomen',1,0,'1e1c588b-f287-4843-b88e-b6970c6f696a','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('muscle.ribs','muscle','Rib cage (intercostal)',1,0,'e73f9653-2fc9-4696-bd5e-9c7d01f8e57a','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('muscle.upper_back','muscle','Upper back (trapezius)',1,0,'f426cd9d-08c5-489d-96a3-1a0f14e3181f','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('muscle.lower_back','muscle','Lower back',1,0,'cf58ecc0-c7fa-4894-845c-cfc9d01c5d03','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('muscle.neck','muscle','Neck',1,0,'9c7d8b55-ce8b-4305-9d5e-8c05ecef595c','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('muscle.face','muscle','Face',1,0,'1663d78f-aeeb-4fe3-8973-2508d3802259','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('muscle.other','muscle','Other muscle',1,0,'f2350503-d0e0-4591-b244-d4fd4c5c4352','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('activity.asleep','activity','Asleep or in bed',1,0,'0cf6306a-a534-479f-9cef-c624f1a6d4bf','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('activity.resting','activity','Resting',1,0,'3b23edbf-b35e-433a-b846-df5f44e5a2b6','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('activity.sitting_long','activity','Sitting for a long time',1,0,'c5a8d778-b8d1-493c-a023-8f76bc6e863b','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('activity.standing_long','activity','Standing for a long time',1,0,'55967fbf-3834-42a1-b0b3-5d325649fd8a','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('activity.walking','activity','Walking',1,0,'96dbb719-643b-4e36-868b-d4c55f0a3ced','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('activity.running','activity','Running',1,0,'be823f90-b7a2-4181-a213-6243f576ff75','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('activity.cycling','activity','Cycling',1,0,'deba2c9a-1111-4b8b-ab15-7cc09e6a427a','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('activity.swimming','activity','Swimming',1,0,'0da2ced5-33ec-4402-ab28-faf232aaf6c3','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('activity.strength','activity','Strength training',1,0,'24109c43-d047-4e92-8048-a23c31648301','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('activity.manual_work','activity','Gardening or manual work',1,0,'1c5619b5-77ee-4cfa-b2b1-97edbfa8e13a','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('activity.driving','activity','Driving',1,0,'57e50754-f8e5-4b0b-b50c-a9a2dc6066c9','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('activity.other','activity','Something else',1,0,'96b146f6-e928-4f49-b6c8-58c764b72105','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.overuse','trigger','Overuse or muscle fatigue',1,0,'66eda182-f553-497a-b367-19e26aee1390','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.unaccustomed_activity','trigger','Unaccustomed hard activity',1,0,'f93e41be-2a8b-4c4c-8374-f6ca5b5faf8a','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.moving_quickly','trigger','Moving too quickly',1,0,'a0e211eb-f76f-4246-b633-620e67123f2f','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.no_warm_up','trigger','No warm-up before exercise',1,0,'4e29563a-a16b-4bf0-91a2-9c45914489d1','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.poor_conditioning','trigger','Weak or unconditioned muscles',1,0,'5f2aba84-07d2-47c3-9926-978730467653','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.no_stretch_before_bed','trigger','No stretching before bed',1,0,'7291a693-87c6-4b95-964c-47b14a44d76a','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.heat_sweating','trigger','Heat and heavy sweating',1,0,'346cd5d5-f0af-44f6-a90f-f56025780f67','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.dehydration','trigger','Dehydration',1,0,'24184377-e5a8-4100-859e-4cc9d1b27643','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.low_fluids_before_exercise','trigger','Too little to drink before exercise',1,0,'26f7bd9e-2868-4ed6-9765-d125c5abf49a','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.electrolytes','trigger','Low or unbalanced minerals',1,0,'ad5d61ba-ee47-4213-a30c-f71fc85157d3','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.low_glucose','trigger','Low blood sugar',1,0,'f5f66143-969a-4ead-aa6d-c6438f8f797d','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.diet_low_minerals','trigger','Diet short of vitamins or minerals',1,0,'b548ca43-7857-41ce-8b42-5ef75dcf6c71','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.alcohol','trigger','Alcohol',1,0,'d6c35161-e732-4157-be65-b01a4a5414b2','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.caffeine','trigger','Caffeine',1,0,'c9b4aded-0b6c-4543-8af6-062b6b1e1749','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.muscle_imbalance_posture','trigger','Muscle imbalance or poor posture',1,0,'71cc1ba5-e876-4ea2-a377-cd6de403b456','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.long_sitting','trigger','Sitting for a long time',1,0,'12eeb0c5-1ac8-47fa-b2bb-faac43f3dc84','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.long_standing','trigger','Standing for a long time',1,0,'8165dc48-b008-4bea-bda2-3659c7280777','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.narrowed_arteries','trigger','Narrowed arteries',1,0,'a3adbc7b-5c03-4193-8928-9efa803b4c0d','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.trapped_nerve','trigger','Trapped or irritated nerve',1,0,'6baab090-23b0-4522-9443-5d8dfd79dab2','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.nerve_thyroid_condition','trigger','Nerve or thyroid condition',1,0,'2931ca8d-8819-4667-99bf-38c0700b8628','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.neurological_disease','trigger','Neurological disease',1,0,'d284785d-0afa-489e-b756-8bc8df496e56','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.pregnancy','trigger','Pregnancy',1,0,'ca27e2e5-990a-4a4c-af9f-0313753dd0ed','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.medication','trigger','A medicine',1,0,'3de685a9-83dd-4d40-b623-b580796a180e','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.supplements','trigger','A supplement',1,0,'d1681676-d123-4369-b9c0-176b108ab6af','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.stress_anxiety','trigger','Stress or anxiety',1,0,'7643a8bd-52b2-4099-9671-f250886ea976','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('trigger.injury_protective','trigger','Protective spasm after injury',1,0,'186bda0b-a6ca-4ebe-865e-6b553cb26c8b','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('relief.stop_activity','relief','Stopping the activity',1,0,'a0f5fcb6-4119-4d69-894f-bccacf63d3f2','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('relief.stretch','relief','Gentle stretching',1,0,'e6391464-3f74-4621-b9cc-4285b3525e91','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('relief.gentle_movement','relief','Gentle movement (walking it off)',1,0,'a6b7b894-37ed-4c52-96bf-be205fbadcda','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('relief.breathing','relief','Breathing exercises',1,0,'8b6a5a94-8432-46e3-813a-01bbb8c4a16d','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('relief.massage','relief','Massage',1,0,'ce77beaa-94da-482a-88e5-52c028cd07bb','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('relief.heat','relief','Heat',1,0,'20f2feb8-f50b-4906-9148-9b7508f7af20','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('relief.cold','relief','Ice or cold',1,0,'9628cc2e-b2f4-4551-b15b-18a23bfbb437','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('relief.drink_water','relief','Drinking water',1,0,'6772b082-a7b4-448b-abb4-b3e95125ae00','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('relief.pain_relief_otc','relief','Over-the-counter pain relief',1,0,'6df588ee-9939-49cf-90b1-6298387c8357','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('relief.prescribed_relaxant','relief','Prescribed muscle relaxant',1,0,'e72879be-ed96-4ee0-b2b6-dc2c78edf29a','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('relief.other','relief','Something else',1,0,'7ca3cd84-3f73-4383-8c58-57e7e15e3c9e','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('symptom.numbness','symptom','Numbness',1,0,'c4033206-0820-4296-ab44-6a9e73ee6447','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('symptom.tingling','symptom','Tingling (pins and needles)',1,0,'19fa079c-8563-4443-9e92-348a3ad0398d','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('symptom.weakness','symptom','Muscle weakness',1,0,'6dd9f0d9-c012-4bd4-9b3e-7f6476a3c564','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('symptom.swelling','symptom','Swelling',1,0,'998637f9-0249-4f0f-be70-bfe80a98df2e','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('symptom.redness','symptom','Redness or skin change',1,0,'963afb2e-edee-4e22-95a0-e565a65b53c3','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('symptom.severe_persistent_pain','symptom','Severe pain that persists',1,0,'426ff906-ceae-4b65-9575-3095f42b6eb5','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('symptom.paralysis','symptom','Paralysis',1,0,'a6ad8652-6780-429c-9bef-fbd8ec9aeb05','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('symptom.tremor','symptom','Tremor',1,0,'c8d45b26-1628-413d-a123-27fff088eea6','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('symptom.poor_coordination','symptom','Poor coordination',1,0,'300801c6-55a5-4e2c-aab4-2bdff75687e9','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('symptom.slow_movement','symptom','Slowed movements',1,0,'9863bdf5-68b3-4c8d-8da4-41a6b6a9a5a4','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('symptom.double_vision','symptom','Double vision',1,0,'f9877ef2-9179-46e7-b6ab-f30df96793c3','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('symptom.back_neck_head_pain','symptom','Back, neck or head pain',1,0,'6b3e8acf-2a19-4b76-b9c8-7c2ee05f0a6b','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('symptom.soreness_after','symptom','Soreness afterwards',1,0,'f48cd172-ffeb-46ad-82cc-a59f72484938','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('symptom.twitching','symptom','Twitching',1,0,'1f9bd2c7-26f0-4875-a9ff-59aa098f0b0d','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('symptom.hard_knotted','symptom','Hard or knotted muscle',1,0,'d3f91403-01d6-4cc0-b2d5-4473321c58b9','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('warning.severe_persistent_pain','warning','Severe pain that does not ease',1,0,'5e2af119-3fdb-4ee8-a669-9ac7de272cd9','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('warning.leg_swelling_redness','warning','Leg swelling, redness or skin change',1,0,'92b12f6d-e278-4eef-889a-2c6cd8d6a1c7','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('warning.muscle_weakness','warning','Muscle weakness',1,0,'fb21b146-13f6-4111-8574-21845ca5fcc4','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('warning.spine_spasm_nerve_signs','warning','Neck or back spasm with nerve signs',1,0,'92ed8809-6aa1-439a-8e98-e623c0ef9620','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('warning.long_cramp_unrelieved','warning','Cramp over 10 minutes despite stretching',1,0,'1bc7f0bc-25ca-4aef-8fc6-84699354c2e6','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('warning.spasm_three_days','warning','Spasm lasting three days or more',1,0,'189f1eb5-a19f-4338-add1-279111b5bb54','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('warning.frequent','warning','Frequent spasms',1,0,'93704a2b-b3a2-4624-8fde-c78b1316e194','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('warning.no_clear_cause','warning','No clear cause',1,0,'bdfe978f-6c30-4e23-aeed-eaf60800369f','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('warning.self_care_not_helping','warning','Self-care is not helping',1,0,'130b1988-1797-4b50-bd4c-501068a3bb0b','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('warning.medication_related','warning','Cramps that may come from a medicine',1,0,'d16ee922-f1d6-4d53-91ca-cfbfce79c50e','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('warning.neurological_signs','warning','Nerve-related signs alongside spasms',1,0,'00703ddd-e7f8-485f-b3c0-d2be468336c0','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('medication_class.blood_pressure','medication_class','Blood pressure medicines',1,0,'4a5736b1-e4a2-4bd3-8d4e-d32fed15b68f','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('medication_class.insulin','medication_class','Insulin',1,0,'57a33aa8-516b-4c92-b684-bda8a1f5f55c','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('medication_class.birth_control','medication_class','Birth-control pills',1,0,'aa86c5d2-c016-4243-8095-1f042e426c81','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('medication_class.cholesterol','medication_class','Cholesterol-lowering medicines (statins)',1,0,'c58557f1-77a2-4ff2-a272-581dc58cd8f1','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('medication_class.diuretic','medication_class','Diuretics (water tablets)',1,0,'aa04ea73-3038-47bd-a9d3-391c22dfdf79','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('medication_class.beta_agonist_inhaler','medication_class','Beta-agonist inhalers',1,0,'a85ff853-07ee-4e0c-8957-6973a562b5b8','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('medication_class.calcium_channel_blocker','medication_class','Calcium-channel blockers',1,0,'8ee9edd8-8e93-45e2-9b4d-499bb2ed505b','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('medication_class.raloxifene','medication_class','Raloxifene',1,0,'e0158437-7b6c-49ad-bed6-2b4d351b6410','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('medication_class.conjugated_oestrogens','medication_class','Conjugated oestrogens',1,0,'75dc1ab6-38b6-4fa1-b5cf-e89e3fe0a1c6','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('medication_class.teriparatide','medication_class','Teriparatide',1,0,'cf0005ff-5409-449e-9715-21423674b3d6','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('medication_class.naproxen','medication_class','Naproxen',1,0,'0d268a62-a969-4c06-b191-8370429aa986','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('medication_class.iv_iron_sucrose','medication_class','Intravenous iron sucrose',1,0,'6d802e5c-806f-4c02-aa6a-c3d1fbc70fa3','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('medication_class.quinine','medication_class','Quinine',1,0,'0f97458c-3abd-4d35-8f3e-754b695f8318','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('medication_class.magnesium_supplement','medication_class','Magnesium supplement',1,0,'edf33ae8-f52f-4623-88d0-38b3e63e0ee0','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('medication_class.other','medication_class','Other medicine or supplement',1,0,'9433797f-0651-48cd-a062-198eab5eecf1','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('risk_group.older_adults','risk_group','Older adults',1,0,'ce022893-c91e-4db9-a296-fd3f23c970c1','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('risk_group.athletes','risk_group','Athletes',1,0,'961dd6c7-14a2-4cdc-af67-c1f75d15f15b','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('risk_group.overweight','risk_group','Overweight or obesity',1,0,'bfc4a505-0eaa-497b-8a03-cf714a2fcc55','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('risk_group.pregnancy','risk_group','Pregnancy',1,0,'dcd5ecdf-803a-4f53-839e-1ac250a54125','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('risk_group.night_cramps_common','risk_group','Night-time leg cramps are common',1,0,'105c5d55-d60b-44ce-923c-e127e9c08795','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('custom.muscle.0e7a7a9e-d43d-4c7a-8cd4-baeb5ec6e538','muscle','Left big toe',0,0,'388c4965-223e-4be2-b928-6248531a1018','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('custom.trigger.dbb6665e-f04c-4eeb-863d-91c587be08c5','trigger','Red wine (two glasses)',0,0,'1b9f2966-65ae-4dba-acc6-0521467df344','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
INSERT INTO "vocabulary" VALUES('custom.relief.f5f8fe13-899b-4a54-b65f-d7474e988728','relief','Standing on a cold tile',0,1,'510dba40-e81f-459f-9d9d-c7ea3fc36a4c','2026-12-06 20:52:36.000000','2026-12-06 20:52:36.000000');
CREATE INDEX ix_episodes_muscle ON episodes (muscle);
CREATE INDEX ix_episodes_start_local ON episodes (start_local);
CREATE INDEX ix_episode_triggers_code ON episode_triggers (code);
CREATE INDEX ix_episode_reliefs_code ON episode_reliefs (code);
CREATE INDEX ix_episode_symptoms_code ON episode_symptoms (code);
COMMIT;
