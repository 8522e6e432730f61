-- cramplog diary at schema revision 0001; PRAGMA application_id = 1129467216
BEGIN TRANSACTION;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO "alembic_version" VALUES('0001');
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
INSERT INTO "diary_days" VALUES(1,'2025-06-03','ec53045d-68ac-46f0-bc75-b918f1666194',1,1.5,'hard',2.0,NULL,NULL,NULL,NULL,NULL,3,NULL,NULL,'Long walk in the heat','2026-12-06 20:52:40.000000','2026-12-06 20:52:40.000000');
INSERT INTO "diary_days" VALUES(2,'2025-06-07','9c6693a3-477b-44b1-aafd-44eb2581a296',1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'','2026-12-06 20:52:40.000000','2026-12-06 20:52:40.000000');
INSERT INTO "diary_days" VALUES(3,'2025-06-08','7f23a9eb-9bf9-4bc8-b13f-b5c37b7201e3',1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'','2026-12-06 20:52:40.000000','2026-12-06 20:52:40.000000');
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
INSERT INTO "episode_reliefs" VALUES(2,'custom.relief.2eb650ab-ddce-4b21-bf81-29965dba6e3c','a_little');
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
INSERT INTO "episode_triggers" VALUES(2,'custom.trigger.35c0b085-3c4b-4273-9c8b-90de9aee3d18');
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
INSERT INTO "episodes" VALUES(1,'52b68280-731d-43c4-a4c5-130f07a2c7e7','2025-06-03 02:10:00.000000',60,'muscle.calf','left',NULL,NULL,0,NULL,NULL,'',1,'2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "episodes" VALUES(2,'2aa0ce42-4559-4e69-9930-010f77e42604','2025-06-04 01:30:00.000000',60,'muscle.calf','right',150,7,1,'activity.asleep','thirsty','Woke at 02:30 — “the usual one”, <b>not</b> bold',0,'2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "episodes" VALUES(3,'ce9a6c53-9150-4f5d-9b78-1c05bdeed5f7','2025-06-05 17:45:00.000000',60,'custom.muscle.67f1ff7f-fa5d-41ce-bdc5-8671922ee6e5','left',40,4,0,'activity.running',NULL,'',0,'2026-12-06 20:52:40.000000','2026-12-06 20:52:40.000000');
INSERT INTO "episodes" VALUES(4,'5a4f671a-fd85-4ff8-9505-09ff7ddcf63c','2025-06-06 00:00:00.000000',60,'muscle.foot','n/a',60,5,0,NULL,NULL,'',0,'2026-12-06 20:52:40.000000','2026-12-06 20:52:40.000000');
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
INSERT INTO "medications" VALUES(1,'fa6dbe02-a9df-4fd2-9fae-b524998d48a1','Atorvastatin','20 mg at night','2025-01-15',NULL,'other','medication_class.cholesterol','','2026-12-06 20:52:40.000000','2026-12-06 20:52:40.000000');
INSERT INTO "medications" VALUES(2,'cf539a68-040d-4737-bea3-a66a780220e6','Magnesium','300 mg','2025-05-01','2025-06-01','cramps','medication_class.magnesium_supplement','','2026-12-06 20:52:40.000000','2026-12-06 20:52:40.000000');
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
INSERT INTO "vocabulary" VALUES('muscle.calf','muscle','Calf',1,0,'cb45b69b-95c6-47e8-a8e0-155fe63840b6','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('muscle.foot','muscle','Foot or toes',1,0,'0ced6594-6416-497e-8396-60de10b209ec','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('muscle.hamstring','muscle','Hamstring',1,0,'aa5f4796-ffaf-447c-99e0-ac13f92a56a1','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('muscle.thigh','muscle','Thigh (quadriceps)',1,0,'90d4d3a0-304a-4906-a7db-35428afdc746','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('muscle.hand','muscle','Hand or fingers',1,0,'61ae1a10-3989-4aea-b7fb-2919f3ce1c5c','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('muscle.arm','muscle','Arm or forearm',1,0,'5b4f3765-7382-42a3-ae25-d5c3be04b197','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('muscle.shoulder','muscle','Shoulder',1,0,'27401474-d624-4c1e-91b3-6eac385438ee','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('muscle.abdomen','muscle','Abdomen',1,0,'000ad3d1-ab11-478e-8ee2-e38a794941e7','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('muscle.ribs','muscle','Rib cage (intercostal)',1,0,'00e9f881-fc14-47fe-9b7d-08740faf4da5','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('muscle.upper_back','muscle','Upper back (trapezius)',1,0,'dd053704-9fa5-41a0-9b53-bfd16e781f1a','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('muscle.lower_back','muscle','Lower back',1,0,'90840042-3352-4de6-b370-91f81f043aeb','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('muscle.neck','muscle','Neck',1,0,'eca1556a-7803-4eb6-b8dd-c51b26894205','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('muscle.face','muscle','Face',1,0,'76169d02-a262-4e61-a0a3-1fd044bd3420','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('muscle.other','muscle','Other muscle',1,0,'5124b1de-225d-408d-97d2-d600a262ef1e','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('activity.asleep','activity','Asleep or in bed',1,0,'aba69414-a43c-4d75-8377-9d40a650dfdc','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('activity.resting','activity','Resting',1,0,'0f5ad12a-97e8-4bfd-8f17-02fa19c9568b','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('activity.sitting_long','activity','Sitting for a long time',1,0,'55b564fc-6adc-4bcf-a049-84c7c98f0f24','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('activity.standing_long','activity','Standing for a long time',1,0,'8b7a21ee-d0a3-4a93-901f-e770da450908','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('activity.walking','activity','Walking',1,0,'bcc0731f-a119-402a-9b65-9351fc9da1bd','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('activity.running','activity','Running',1,0,'698224f0-f728-4e58-a818-40b08af624cc','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('activity.cycling','activity','Cycling',1,0,'242357b2-d774-4261-901a-db5489b37adf','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('activity.swimming','activity','Swimming',1,0,'8b4123a7-0614-49e1-bdb7-d89698eb18e7','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('activity.strength','activity','Strength training',1,0,'6ef023dc-c410-4e47-b66c-3db3f3949110','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('activity.manual_work','activity','Gardening or manual work',1,0,'8d57453b-af38-4def-82e5-6a0daa30705f','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('activity.driving','activity','Driving',1,0,'0b175181-b285-4323-800a-64a05dda0340','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('activity.other','activity','Something else',1,0,'e50f7337-61bc-4f39-909e-f53dab405243','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.overuse','trigger','Overuse or muscle fatigue',1,0,'f9324596-b35b-454b-a12b-ffb28dcb372a','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.unaccustomed_activity','trigger','Unaccustomed hard activity',1,0,'94632d13-9797-4ecc-be9e-fa5909739910','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.moving_quickly','trigger','Moving too quickly',1,0,'000fe4b3-d9e6-432b-a76c-fe95e8f7afbd','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.no_warm_up','trigger','No warm-up before exercise',1,0,'c74b55b9-e4be-418c-b6d6-b9fd120f7c89','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.poor_conditioning','trigger','Weak or unconditioned muscles',1,0,'e7f19f59-08ec-42a9-83a1-7ce384d39979','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.no_stretch_before_bed','trigger','No stretching before bed',1,0,'20a7a4ea-f9e1-4d25-b917-0105c9fbaaef','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.heat_sweating','trigger','Heat and heavy sweating',1,0,'91785f76-9d61-4f5e-b262-49f32e9ab690','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.dehydration','trigger','Dehydration',1,0,'e80dcca6-f1b0-4a1c-9a1c-ea637f1a1d6c','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.low_fluids_before_exercise','trigger','Too little to drink before exercise',1,0,'e5636f21-59b4-49e7-815f-67cd29133086','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.electrolytes','trigger','Low or unbalanced minerals',1,0,'4d34802a-8418-44ab-a60c-f71b3d62f4ba','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.low_glucose','trigger','Low blood sugar',1,0,'e13bae1d-76ce-4c00-94bc-280c42f888e7','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.diet_low_minerals','trigger','Diet short of vitamins or minerals',1,0,'7924951b-51e8-4829-999b-1677765e6db5','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.alcohol','trigger','Alcohol',1,0,'b29e77dc-3c20-4a17-8428-cb95797498d6','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.caffeine','trigger','Caffeine',1,0,'b068145c-b725-4161-b996-15833bc3b659','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.muscle_imbalance_posture','trigger','Muscle imbalance or poor posture',1,0,'836d2048-4924-436a-8fdd-2d75f43bb40d','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.long_sitting','trigger','Sitting for a long time',1,0,'5fcbd6db-1a87-4271-92dd-f21a673e2c84','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.long_standing','trigger','Standing for a long time',1,0,'596b5be7-41ce-49f4-a361-3aa3001c1897','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.narrowed_arteries','trigger','Narrowed arteries',1,0,'7b5b1d4e-55ce-4b25-9b3a-296f78ac323a','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.trapped_nerve','trigger','Trapped or irritated nerve',1,0,'65e85006-7756-4132-b990-9b91fde3282f','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.nerve_thyroid_condition','trigger','Nerve or thyroid condition',1,0,'18305423-e2f4-4d7a-bc24-b13f11494a88','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.neurological_disease','trigger','Neurological disease',1,0,'8e872520-9418-4063-9a22-84aa3046714d','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.pregnancy','trigger','Pregnancy',1,0,'d650f7f6-3c61-45fe-a00a-0a8d538fdda8','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.medication','trigger','A medicine',1,0,'c01d249e-fdfc-4656-8b81-f7aa46cc0a7f','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.supplements','trigger','A supplement',1,0,'c0dc6c1a-8061-4e5e-940c-0496fd8f4fdf','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.stress_anxiety','trigger','Stress or anxiety',1,0,'127365ae-decb-40fb-89a9-6c885bd09480','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('trigger.injury_protective','trigger','Protective spasm after injury',1,0,'b433ac29-7d2b-4d7e-a74e-e7bec8cce150','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('relief.stop_activity','relief','Stopping the activity',1,0,'82de28bf-be33-4533-9c84-b8e76deb9a1b','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('relief.stretch','relief','Gentle stretching',1,0,'cdda1acf-4715-4222-b119-b207743434b8','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('relief.gentle_movement','relief','Gentle movement (walking it off)',1,0,'04592da1-76a4-4462-a8e2-a76409cd9a41','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('relief.breathing','relief','Breathing exercises',1,0,'36c01e2d-cc5b-4d4f-8faa-6b21fb0f869b','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('relief.massage','relief','Massage',1,0,'bb087b20-899c-4559-8101-7b1ec25fba60','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('relief.heat','relief','Heat',1,0,'8c19e4ce-ece2-439d-987d-90fccaefb2c3','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('relief.cold','relief','Ice or cold',1,0,'42aef660-fd9e-43bc-a917-0f3dcdb58069','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('relief.drink_water','relief','Drinking water',1,0,'2812ecca-3401-4152-8974-2c2715bfe040','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('relief.pain_relief_otc','relief','Over-the-counter pain relief',1,0,'3d1283e6-dc0c-43e7-bc13-9161a38f7634','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('relief.prescribed_relaxant','relief','Prescribed muscle relaxant',1,0,'ec82c8d2-5eec-4f56-87df-e262fa2de427','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('relief.other','relief','Something else',1,0,'1d5c1c01-9a45-4269-a58b-8685061c47c3','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('symptom.numbness','symptom','Numbness',1,0,'3c53659e-e5c7-4354-9e46-74bfafc18b85','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('symptom.tingling','symptom','Tingling (pins and needles)',1,0,'f73b494c-2d38-4d76-8bf6-35372f472d52','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('symptom.weakness','symptom','Muscle weakness',1,0,'533fd112-7001-4185-b622-99227806e8c4','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('symptom.swelling','symptom','Swelling',1,0,'53c1b5d2-d007-4661-8a43-aa07f43d0258','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('symptom.redness','symptom','Redness or skin change',1,0,'8f32d788-dd88-4148-836b-0f65ed26caa4','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('symptom.severe_persistent_pain','symptom','Severe pain that persists',1,0,'b0a9896b-6af5-4f96-a1b7-94e8bc633d33','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('symptom.paralysis','symptom','Paralysis',1,0,'bb439825-8b32-46a3-a533-26fe82e9e594','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('symptom.tremor','symptom','Tremor',1,0,'c132d249-1f50-4d5d-b1c7-31713c3fb714','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('symptom.poor_coordination','symptom','Poor coordination',1,0,'57e6f97d-4653-4a5f-b6da-cd3bb2a924c9','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('symptom.slow_movement','symptom','Slowed movements',1,0,'c52391d6-425f-4f72-9979-c2d8fc3dd3d8','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('symptom.double_vision','symptom','Double vision',1,0,'3a518eab-5513-4a6b-bf57-d6b87f57f8a6','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('symptom.back_neck_head_pain','symptom','Back, neck or head pain',1,0,'0fd039d1-afd3-4f9e-9cfc-3ed19875695e','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('symptom.soreness_after','symptom','Soreness afterwards',1,0,'b9d64b0d-68fa-487d-8f14-3bb898e5dcbf','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('symptom.twitching','symptom','Twitching',1,0,'49affab4-5258-4dc5-8036-96f3fee30fa7','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('symptom.hard_knotted','symptom','Hard or knotted muscle',1,0,'2c530a44-1169-4a58-846d-7922b847130e','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('warning.severe_persistent_pain','warning','Severe pain that does not ease',1,0,'f9a4437d-405a-4951-b799-e0e39fbf75aa','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('warning.leg_swelling_redness','warning','Leg swelling, redness or skin change',1,0,'55273d46-86c3-45d1-9cd0-e0ed74018764','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('warning.muscle_weakness','warning','Muscle weakness',1,0,'4727c5f9-2406-409e-9198-337e848ddfce','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('warning.spine_spasm_nerve_signs','warning','Neck or back spasm with nerve signs',1,0,'8ab6f01b-5656-4a9a-b765-6afd20c82db1','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('warning.long_cramp_unrelieved','warning','Cramp over 10 minutes despite stretching',1,0,'2ac732aa-d137-4be9-b9d4-d029f7a0f692','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('warning.spasm_three_days','warning','Spasm lasting three days or more',1,0,'af99abf6-bfc5-457e-adc2-ea74427a50de','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('warning.frequent','warning','Frequent spasms',1,0,'b632a016-4cda-41fb-8696-11a9307b84ec','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('warning.no_clear_cause','warning','No clear cause',1,0,'97925620-083a-48a9-a902-5b815d82e417','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('warning.self_care_not_helping','warning','Self-care is not helping',1,0,'ac726398-4ede-45bd-9945-8dbfdb45faaa','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('warning.medication_related','warning','Cramps that may come from a medicine',1,0,'78781f81-e6d9-40ac-92a1-ff95b1177825','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('warning.neurological_signs','warning','Nerve-related signs alongside spasms',1,0,'be7d812e-baa5-4c6f-9440-a1299f2eef24','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('medication_class.blood_pressure','medication_class','Blood pressure medicines',1,0,'fa5fe649-d525-4215-a686-09967c6f239f','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('medication_class.insulin','medication_class','Insulin',1,0,'772f1c7e-e7ae-4a89-ace5-2afc6619ad25','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('medication_class.birth_control','medication_class','Birth-control pills',1,0,'7670c867-9f9c-4ef7-809a-751cd910a05f','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('medication_class.cholesterol','medication_class','Cholesterol-lowering medicines (statins)',1,0,'15e11043-17bc-4c06-b8b6-06fce7726a70','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('medication_class.diuretic','medication_class','Diuretics (water tablets)',1,0,'39d0a8bc-3340-4a13-be22-f098a4f63847','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('medication_class.beta_agonist_inhaler','medication_class','Beta-agonist inhalers',1,0,'e9c4365a-2405-4187-b2a1-e42a5fac06ff','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('medication_class.calcium_channel_blocker','medication_class','Calcium-channel blockers',1,0,'7db10ae0-6a5d-4e82-a4fc-52bf5be156e8','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('medication_class.raloxifene','medication_class','Raloxifene',1,0,'f2641dfd-eb7b-49cf-ba66-46c84f8d31e1','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('medication_class.conjugated_oestrogens','medication_class','Conjugated oestrogens',1,0,'d0fff068-11f0-40ca-8711-35d97806b3f2','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('medication_class.teriparatide','medication_class','Teriparatide',1,0,'fb139f8f-0f0f-4ad9-9b7f-639bc12a119e','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('medication_class.naproxen','medication_class','Naproxen',1,0,'eed38ceb-eec2-4b14-b192-dbc74089782e','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('medication_class.iv_iron_sucrose','medication_class','Intravenous iron sucrose',1,0,'f830f278-3907-432d-a641-9b4c15592584','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('medication_class.quinine','medication_class','Quinine',1,0,'b2ef6563-f9bf-4ed4-9288-abee676450a3','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('medication_class.magnesium_supplement','medication_class','Magnesium supplement',1,0,'540b0a3c-f049-487c-9ba5-d66001d6b7ae','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('medication_class.other','medication_class','Other medicine or supplement',1,0,'43e91732-090c-424a-9621-fda84b1e3c54','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('risk_group.older_adults','risk_group','Older adults',1,0,'98f5673f-c0e4-4e9f-9395-d88c28a18031','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('risk_group.athletes','risk_group','Athletes',1,0,'2666ac24-a25a-48cc-b8cf-d193160a30a7','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('risk_group.overweight','risk_group','Overweight or obesity',1,0,'e87de42e-a21e-45a2-8726-907d7a13382d','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('risk_group.pregnancy','risk_group','Pregnancy',1,0,'fd22e806-01fe-4030-b9de-aceb12ee56f3','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('risk_group.night_cramps_common','risk_group','Night-time leg cramps are common',1,0,'98d9044e-bdb2-4a63-a7ba-7dd4afc1fe57','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('custom.muscle.67f1ff7f-fa5d-41ce-bdc5-8671922ee6e5','muscle','Left big toe',0,0,'dc480429-0f35-4fb3-8caa-b97fd646139d','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('custom.trigger.35c0b085-3c4b-4273-9c8b-90de9aee3d18','trigger','Red wine (two glasses)',0,0,'09f1592c-0630-42b7-954d-6ec1cee945fd','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
INSERT INTO "vocabulary" VALUES('custom.relief.2eb650ab-ddce-4b21-bf81-29965dba6e3c','relief','Standing on a cold tile',0,1,'6ac816d1-2633-4c5c-8af7-7e3a0d273370','2026-12-06 20:52:39.000000','2026-12-06 20:52:39.000000');
CREATE INDEX ix_episodes_start_local ON episodes (start_local);
CREATE INDEX ix_episodes_muscle ON episodes (muscle);
CREATE INDEX ix_episode_triggers_code ON episode_triggers (code);
CREATE INDEX ix_episode_reliefs_code ON episode_reliefs (code);
CREATE INDEX ix_episode_symptoms_code ON episode_symptoms (code);
COMMIT;
